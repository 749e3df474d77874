package dev.wraith.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --home: whose MCP client configs to read, declared once for {@code mcp} and for scan-all's (and aibom's) MCP layer. */
final class HomeOptions {
  @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:WRAITH_HOME:-${sys:user.home}}",
      description = "Home directory whose MCP client configs to read (Claude, Cursor, VS Code, ...). Default: the "
          + "current user's. Env: WRAITH_HOME.")
  Path dir;
}
