require "mcp"

# expect: tool mcp-ruby
class EchoTool < MCP::Tool
  description "Echoes its input"

  def self.call(message:, server_context:)
    # expect: tool mcp-ruby
    MCP::Tool::Response.new([{ type: "text", text: message }])
  end
end

# expect: mcp-server mcp-ruby
server = MCP::Server.new(name: "echo", tools: [EchoTool])
