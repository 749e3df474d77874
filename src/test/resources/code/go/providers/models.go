package providers

import (
	"context"
	"log"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	legacy "github.com/google/generative-ai-go/genai"
	ollama "github.com/ollama/ollama/api"
	"google.golang.org/api/option"
	"google.golang.org/genai"
)

func Clients(ctx context.Context) {
	// expect: sdk-client anthropic-go
	claude := anthropic.NewClient()
	_ = claude

	// expect: sdk-client google-genai-go
	gemini, err := genai.NewClient(ctx, &genai.ClientConfig{Backend: genai.BackendGeminiAPI})
	if err != nil {
		log.Fatal(err)
	}
	gemini.Models.GenerateContent(ctx, "gemini-2.5-flash", genai.Text("hi"), nil)

	// expect: sdk-client google-genai-go
	old, _ := legacy.NewClient(ctx, option.WithAPIKey("test"))
	// expect: sdk-client google-genai-go
	model := old.GenerativeModel("gemini-1.5-pro")
	_ = model

	cfg, _ := config.LoadDefaultConfig(ctx)
	// expect: sdk-client bedrock-go
	runtime := bedrockruntime.NewFromConfig(cfg)
	_ = runtime
	// an S3 client from the same AWS config is not AI
	store := s3.NewFromConfig(cfg)
	_ = store

	// expect: sdk-client ollama-go
	local, _ := ollama.ClientFromEnvironment()
	_ = local
}
