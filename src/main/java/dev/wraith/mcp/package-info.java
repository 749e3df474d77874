/**
 * MCP servers: discovery in client configuration files (user home and project roots, locations from the catalogue)
 * and among running processes and Kubernetes containers (pure functions of the host and cluster layers' records),
 * exact publisher verification, and the opt-in probe that lists each server's tools through the {@link
 * dev.wraith.mcp.Prober} port ({@link dev.wraith.mcp.SdkProber}, the official MCP Java SDK) and compares their hashes
 * through the {@link dev.wraith.mcp.ToolHistory} port. Reads files only through {@link dev.wraith.mcp.ConfigFiles}; never
 * keeps a secret value in the model: env values are dropped and key-like arguments masked on reading, and the raw
 * launch ({@link dev.wraith.mcp.ServerLaunch}) goes only to the prober. Never calls a tool.
 */
package dev.wraith.mcp;
