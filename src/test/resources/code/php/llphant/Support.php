<?php

namespace App\Bot;

use LLPhant\Chat\FunctionInfo\FunctionBuilder;
use LLPhant\Chat\OpenAIChat;
use LLPhant\Embeddings\EmbeddingGenerator\OpenAI\OpenAI3SmallEmbeddingGenerator;
use LLPhant\Embeddings\VectorStores\Qdrant\QdrantVectorStore;
use LLPhant\OpenAIConfig;

class MailerExample
{
    public function sendMail(string $subject, string $body, string $email): void
    {
    }
}

$config = new OpenAIConfig();
$config->apiKey = getenv('ACME_OPENAI');
$config->model = 'gpt-4o';
// expect: sdk-client llphant
$chat = new OpenAIChat($config);
// expect: tool llphant
$tool = FunctionBuilder::buildFunctionInfo(new MailerExample(), 'sendMail');
// expect: agent llphant
$chat->addTool($tool);
$chat->generateText('Send a mail to the team');

// expect: sdk-client llphant
$embeddings = new OpenAI3SmallEmbeddingGenerator();
// expect: vector-store llphant
$store = new QdrantVectorStore($qdrantConfig, 'docs');
