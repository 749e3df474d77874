package chat

import (
	"context"

	"github.com/openai/openai-go/v2"
	"github.com/openai/openai-go/v2/option"
)

func Official(ctx context.Context, key string) (string, error) {
	// expect: sdk-client openai-go; ai-endpoint openai
	client := openai.NewClient(option.WithAPIKey(key), option.WithBaseURL("https://api.openai.com/v1/"))
	completion, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    openai.ChatModelGPT4o,
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Say this is a test")},
	})
	if err != nil {
		return "", err
	}
	return completion.Choices[0].Message.Content, nil
}
