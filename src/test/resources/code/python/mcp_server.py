from mcp.server.fastmcp import FastMCP

# expect: mcp-server mcp-python
mcp = FastMCP("inventory")


# expect: tool mcp-python
@mcp.tool()
def stock(sku: str) -> int:
    return 3


if __name__ == "__main__":
    mcp.run()
