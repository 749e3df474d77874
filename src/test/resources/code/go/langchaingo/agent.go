package main

import (
	"context"

	"github.com/tmc/langchaingo/agents"
	"github.com/tmc/langchaingo/chains"
	"github.com/tmc/langchaingo/llms/openai"
	"github.com/tmc/langchaingo/tools"
	"github.com/tmc/langchaingo/tools/serpapi"
)

func run(ctx context.Context) (string, error) {
	// expect: sdk-client langchaingo
	llm, err := openai.New(openai.WithModel("gpt-4o"))
	if err != nil {
		return "", err
	}
	// expect: tool langchaingo
	search, _ := serpapi.New()
	agentTools := []tools.Tool{
		// expect: tool langchaingo
		tools.Calculator{},
		search,
	}
	// expect: agent langchaingo
	agent := agents.NewOneShotAgent(llm, agentTools, agents.WithMaxIterations(3))
	// expect: agent langchaingo
	executor := agents.NewExecutor(agent)
	return chains.Run(ctx, executor, "What is 3 to the power of 4?")
}
