module github.com/acme/triage-bot

go 1.23.2

toolchain go1.23.3

require (
	// expect: dependency openai-go
	github.com/openai/openai-go v0.1.0-alpha.38
	github.com/spf13/cobra v1.8.1
	// expect: dependency langchaingo
	github.com/tmc/langchaingo v0.1.12
	// expect: dependency pinecone-go
	github.com/pinecone-io/go-pinecone/v3 v3.1.0
)

require (
	// expect: dependency openai-go
	github.com/sashabaranov/go-openai v1.35.7 // indirect
	github.com/tidwall/gjson v1.18.0 // indirect
	github.com/pinecone-io/go-pinecone/v2 v2.0.0 // indirect
)

// expect: dependency mcp-go
require github.com/mark3labs/mcp-go v0.8.0

replace github.com/tmc/langchaingo => ../langchaingo

exclude (
	github.com/ollama/ollama v0.1.0
)
