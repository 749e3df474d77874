<?php

use PhpMcp\Server\Attributes\McpTool;
use PhpMcp\Server\Server;
use PhpMcp\Server\Transports\StdioServerTransport;

class Calculator
{
    // expect: tool mcp-php
    #[McpTool(name: 'add', description: 'Adds two numbers')]
    public function add(int $a, int $b): int
    {
        return $a + $b;
    }
}

// expect: mcp-server mcp-php
$server = Server::make()
    ->withServerInfo('Calculator', '1.0.0')
    ->build();
$server->discover(__DIR__, ['.']);
$server->listen(new StdioServerTransport());
