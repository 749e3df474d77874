module example.com/tool

go 1.22

require (
	github.com/sashabaranov/go-openai-fork v1.0.0
	github.com/tmc/langchaingo-extras v0.1.0
	github.com/openai/openai-go/v9 v9.0.0
	// github.com/tmc/langchaingo v0.1.12
)

replace github.com/mark3labs/mcp-go => github.com/acme/mcp-go v0.1.0
