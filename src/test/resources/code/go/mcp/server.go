package main

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	// expect: mcp-server mcp-go
	s := server.NewMCPServer("inventory", "1.0.0", server.WithToolCapabilities(false))
	// expect: tool mcp-go
	lookup := mcp.NewTool("stock",
		mcp.WithDescription("Units in stock for a SKU"),
		mcp.WithString("sku", mcp.Required()),
	)
	// expect: tool mcp-go
	s.AddTool(lookup, func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return mcp.NewToolResultText("3"), nil
	})
	server.ServeStdio(s)
}
