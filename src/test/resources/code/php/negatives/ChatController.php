<?php
// A chat controller with no AI: its own OpenAI and Chat classes, and strings and comments that mention
// OpenAI::client($key) and new OpenAIChat($config). Nothing here is reported.

namespace App\Http;

use App\Chat\OpenAIChat;
use GuzzleHttp\Client;

class OpenAI
{
    public static function client(string $key): self
    {
        return new self();
    }
}

class ChatController
{
    public function __construct(private Client $http)
    {
    }

    public function send(string $room): void
    {
        $legacy = OpenAI::client('not-a-key');
        $chat = new OpenAIChat(['room' => $room, 'model' => 'gpt-4o']);
        $this->http->post("https://chat.example.com/{$room}", ['json' => ['text' => 'OPENAI_API_KEY is in the README']]);
        # OpenAI::client(getenv('OPENAI_API_KEY')) in a comment
    }
}
