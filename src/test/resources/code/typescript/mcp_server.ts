import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { execSync } from "node:child_process";

// expect: mcp-server mcp-js
const server = new McpServer({ name: "inventory", version: "1.0.0" });

// expect: tool mcp-js
server.tool("stock", { sku: z.string() }, async ({ sku }) => ({
  content: [{ type: "text", text: `${sku}: 3` }],
}));

// expect: tool mcp-js
server.registerTool(
  "disk_usage",
  { title: "Disk usage", description: "du -sh on a path", inputSchema: { path: z.string() } },
  async ({ path }) => ({ content: [{ type: "text", text: execSync(`du -sh ${path}`).toString() }] }),
);

await server.connect(new StdioServerTransport());
