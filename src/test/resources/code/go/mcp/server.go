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

type registry struct {
	srv *server.MCPServer
}

// register adds tools to a server built elsewhere: seen through the parameter's and the field's types.
func register(s *server.MCPServer, r registry) {
	// expect: tool mcp-go
	s.AddTool(mcp.NewTool("ping"), pong)
	// expect: tool mcp-go
	r.srv.AddTools(server.ServerTool{Tool: mcp.NewTool("echo"), Handler: pong})
}

func pong(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return mcp.NewToolResultText("pong"), nil
}
