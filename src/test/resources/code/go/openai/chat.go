// Package chat answers questions with the community OpenAI client (package name "openai" from go-openai).
package chat

import (
	"context"
	"os"

	"github.com/sashabaranov/go-openai"
)

type Bot struct {
	client *openai.Client
}

func New() *Bot {
	// expect: sdk-client openai-go; env-var openai
	client := openai.NewClient(os.Getenv("OPENAI_API_KEY"))
	return &Bot{client: client}
}

func NewAzure(endpoint string) *Bot {
	// expect: sdk-client openai-go; env-var azure-openai
	cfg := openai.DefaultAzureConfig(os.Getenv("AZURE_OPENAI_API_KEY"), endpoint)
	cfg.APIVersion = "2024-06-01"
	// expect: sdk-client openai-go
	return &Bot{client: openai.NewClientWithConfig(cfg)}
}

func (b *Bot) Ask(ctx context.Context, q string) (string, error) {
	resp, err := b.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:       "gpt-4o-mini",
		Temperature: 0.2,
		Messages:    []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: q}},
	})
	if err != nil {
		return "", err
	}
	return resp.Choices[0].Message.Content, nil
}
