use rmcp::{
    handler::server::{router::tool::ToolRouter, wrapper::Parameters},
    model::{CallToolResult, Content, ServerInfo},
    tool, tool_handler, tool_router, ServerHandler, ServiceExt,
    transport::stdio,
};

#[derive(Clone)]
pub struct Counter {
    tool_router: ToolRouter<Self>,
}

// expect: mcp-server mcp-rust
#[tool_router]
impl Counter {
    // expect: tool mcp-rust
    #[tool(description = "Increment the counter")]
    async fn increment(&self) -> Result<CallToolResult, rmcp::ErrorData> {
        Ok(CallToolResult::success(vec![Content::text("1")]))
    }
}

// expect: mcp-server mcp-rust
#[tool_handler]
// expect: mcp-server mcp-rust
impl ServerHandler for Counter {
    fn get_info(&self) -> ServerInfo {
        ServerInfo::default()
    }
}
