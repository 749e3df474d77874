<?php

namespace App\Reports;

use Prism\Prism\Enums\Provider;
use Prism\Prism\Facades\Tool;
use Prism\Prism\Prism;

class Report
{
    public function summary(string $text): string
    {
        // expect: tool prism-php
        $weather = Tool::as('weather')->for('Current weather')->using(fn (string $city): string => "sunny in {$city}");

        // expect: sdk-client prism-php; agent prism-php
        $response = Prism::text()->using(Provider::Anthropic, 'claude-sonnet-4-5')->withTools([$weather])
            ->withPrompt("Summarize: {$text}")
            ->asText();
        return $response->text;
    }
}
