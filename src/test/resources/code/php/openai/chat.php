<?php

declare(strict_types=1);

namespace App\Support;

use OpenAI;

final class Assistant
{
    private $client;

    public function __construct()
    {
        // expect: sdk-client openai-php; env-var openai
        $this->client = OpenAI::client(getenv('OPENAI_API_KEY'));
    }

    public function ask(string $question): string
    {
        $result = $this->client->chat()->create([
            'model' => 'gpt-4o-mini',
            'messages' => [['role' => 'user', 'content' => "Answer: {$question}"]],
            'temperature' => 0.2,
        ]);
        return $result->choices[0]->message->content;
    }
}

// expect: sdk-client openai-php
$custom = OpenAI::factory()
    ->withApiKey($_ENV['ACME_KEY'])
    // expect: ai-endpoint openai
    ->withBaseUri('https://api.openai.com/v1')
    ->make();
