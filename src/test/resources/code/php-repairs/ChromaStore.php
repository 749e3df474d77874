<?php
// Named arguments whose names are keywords that start an expression: valid PHP 8 that tree-sitter-php 0.24 fails
// ($c->query(include: [...]) in a Chroma client call). Every shape must read cleanly.

declare(strict_types=1);

namespace App\Store;

use OpenAI;

final class ChromaStore
{
    public function search(array $embedding, int $k): array
    {
        $label = "include: ['documents']"; // a string and a comment: include: stay as written
        $rows = $this->collection
            ->query(queryEmbeddings: [$embedding], nResults: $k, include: ['metadatas', 'documents']);
        $more = $this->collection->query(new: true, list: false, print: $label);
        // expect: sdk-client openai-php; env-var openai
        $client = OpenAI::client(getenv('OPENAI_API_KEY'));
        return [$rows, $more, $client];
    }
}
