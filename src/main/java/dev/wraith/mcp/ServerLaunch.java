package dev.wraith.mcp;

import dev.wraith.model.McpTransport;
import java.util.List;
import java.util.Map;

/**
 * How to reach a configured server exactly as its config says, unmasked: the command and args, the env and
 * header values the config sets, the full URL. It exists only to probe; it is never put in the model, a report or
 * a message, and its {@code toString} shows no value.
 */
public record ServerLaunch(McpTransport transport, String command, List<String> args, Map<String, String> env, String url,
    Map<String, String> headers, String cwd) {

  /** {@code cwd} is the working directory a stdio server starts in: the config's {@code cwd}, else the config's root. */
  public ServerLaunch {
    args = List.copyOf(args);
    env = Map.copyOf(env);
    headers = Map.copyOf(headers);
  }

  /** Started in this JVM's working directory. */
  public ServerLaunch(McpTransport transport, String command, List<String> args, Map<String, String> env, String url,
      Map<String, String> headers) {
    this(transport, command, args, env, url, headers, "");
  }

  /** Nothing to launch (a server found at runtime, which is already running). */
  public static final ServerLaunch NONE = new ServerLaunch(McpTransport.STDIO, "", List.of(), Map.of(), "", Map.of(), "");

  public boolean isNone() {
    return command.isEmpty() && url.isEmpty();
  }

  @Override
  public String toString() {
    return "ServerLaunch[" + transport.id() + ", values hidden]";
  }
}
