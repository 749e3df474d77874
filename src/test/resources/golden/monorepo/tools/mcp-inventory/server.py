"""MCP server exposing warehouse stock levels to internal agents."""
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("inventory")


@mcp.tool()
def stock_level(sku: str) -> int:
    """Units in stock for a SKU."""
    return 42


if __name__ == "__main__":
    mcp.run(transport="stdio")
