package main

import (
	"context"

	"github.com/cloudwego/eino-ext/components/model/openai"
	"github.com/cloudwego/eino/components/tool"
	"github.com/cloudwego/eino/compose"
	"github.com/cloudwego/eino/flow/agent/react"
)

func build(ctx context.Context, tools []tool.BaseTool) (*react.Agent, error) {
	// expect: sdk-client eino
	model, err := openai.NewChatModel(ctx, &openai.ChatModelConfig{Model: "gpt-4o", APIKey: "placeholder"})
	if err != nil {
		return nil, err
	}
	// expect: agent eino
	return react.NewAgent(ctx, &react.AgentConfig{ToolCallingModel: model, ToolsConfig: compose.ToolsNodeConfig{Tools: tools}})
}
