/**
 * MCP server discovery in client configuration files (user home and project roots, locations from the
 * catalogue) and exact publisher verification. Reads files only through {@link dev.wraith.mcp.ConfigFiles}; never
 * starts a server, and never keeps a secret value: env values are dropped and key-like arguments masked on reading.
 */
package dev.wraith.mcp;
