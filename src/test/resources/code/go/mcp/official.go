package main

import (
	"context"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

type greetArgs struct {
	Name string `json:"name"`
}

func greet(ctx context.Context, req *sdk.CallToolRequest, in greetArgs) (*sdk.CallToolResult, any, error) {
	return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: "hi " + in.Name}}}, nil, nil
}

func official() {
	// expect: mcp-server mcp-go
	srv := sdk.NewServer(&sdk.Implementation{Name: "greeter", Version: "v1.0.0"}, nil)
	// expect: tool mcp-go
	sdk.AddTool(srv, &sdk.Tool{Name: "greet", Description: "say hi"}, greet)
	_ = srv.Run(context.Background(), &sdk.StdioTransport{})
}
