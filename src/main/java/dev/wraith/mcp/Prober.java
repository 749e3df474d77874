package dev.wraith.mcp;

import dev.wraith.model.McpProbe;
import dev.wraith.model.McpServer;

/**
 * The port through which a server is started or connected to and asked what it offers. An implementation never
 * calls a tool, never throws for a server's misbehaviour (failure, exit, hang are statuses), and returns within
 * its timeout. {@link SdkProber} is the real one.
 */
public interface Prober {
  McpProbe probe(McpServer server, ServerLaunch launch);
}
