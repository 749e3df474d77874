package dev.wraith.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTool;
import dev.wraith.model.McpTransport;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import dev.wraith.redact.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Probes with the official MCP Java SDK: stdio servers are started with a minimal environment (PATH and HOME, plus
 * exactly what the config sets, {@code ${VAR}} and {@code ${env:VAR}} references expanded), HTTP and SSE servers are
 * connected to with the config's headers. It runs {@code initialize}, then {@code tools/list}, {@code prompts/list}
 * and {@code resources/list} for what the server advertises, all within one timeout; it declares no client
 * capabilities (no roots, sampling or elicitation) and calls no tool. Afterwards every process it started is killed.
 * A stdio server runs under wraith's own {@link StdioTransport}, which reads its stderr to the end: the probe's stderr
 * tail is taken once the server is gone, so a server that wrote its error and exited at once keeps every line.
 */
public final class SdkProber implements Prober {
  private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final Pattern REF = Pattern.compile("\\$\\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)}");
  private static final int MAX_PAGES = 50;
  /** Tool results are never validated because no tool is ever called. */
  private static final JsonSchemaValidator NEVER_CALLED = (schema, content) ->
      JsonSchemaValidator.ValidationResponse.asInvalid("wraith never calls tools");

  private final Duration timeout;
  private final ToolInspector inspector;
  private final Map<String, String> hostEnv;
  private final String clientVersion;
  private final Redactor redactor;

  /**
   * {@code hostEnv} is the environment references resolve against and PATH/HOME come from ({@code System.getenv()});
   * {@code redactor} masks the stderr tail and error messages.
   */
  public SdkProber(Duration timeout, ToolInspector inspector, Map<String, String> hostEnv, String clientVersion,
      Redactor redactor) {
    this.redactor = redactor;
    this.timeout = timeout;
    this.inspector = inspector;
    this.hostEnv = Map.copyOf(hostEnv);
    this.clientVersion = clientVersion;
  }

  @Override
  public McpProbe probe(McpServer server, ServerLaunch launch) {
    if (launch.isNone()) return McpProbe.failed(McpProbe.Status.SKIPPED, "found running, not in a config: nothing to start", List.of());
    if (launch.transport() == McpTransport.STDIO && !executable(command(launch), env(launch).getOrDefault("PATH", ""))) {
      return McpProbe.failed(McpProbe.Status.FAILED, "cannot start '" + server.command() + "': not found or not executable", List.of());
    }
    StderrTail tail = new StderrTail(secrets(launch), redactor);
    Optional<StdioTransport> stdio = launch.transport() == McpTransport.STDIO
        ? Optional.of(new StdioTransport(commandLine(launch), env(launch), launch.cwd(), JSON, tail)) : Optional.empty();
    McpProbe outcome;
    try {
      outcome = run(server, launch, stdio);
    } finally {
      stdio.ifPresent(StdioTransport::stop);
    }
    // only now: the server is gone and its stderr read to the end, so no line written before it exited is missing
    return withStderr(outcome, tail.lines());
  }

  /** The session within the timeout; the outcome carries no stderr yet. */
  private McpProbe run(McpServer server, ServerLaunch launch, Optional<StdioTransport> stdio) {
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "wraith-mcp-probe");
      t.setDaemon(true);
      return t;
    });
    McpSyncClient[] client = new McpSyncClient[1];
    try {
      McpClientTransport transport = stdio.isPresent() ? stdio.get() : remote(launch);
      Future<McpProbe> f = worker.submit(() -> {
        client[0] = McpClient.sync(transport).requestTimeout(timeout).initializationTimeout(timeout)
            .clientInfo(McpSchema.Implementation.builder("wraith", clientVersion).build())
            .capabilities(McpSchema.ClientCapabilities.builder().build()).jsonSchemaValidator(NEVER_CALLED).build();
        return session(client[0]);
      });
      return stdio.isPresent() ? await(f, stdio.get()) : f.get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return McpProbe.failed(McpProbe.Status.TIMEOUT, "no complete answer within " + timeout.toSeconds() + " s", List.of());
    } catch (ExecutionException e) {
      return failure(server, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return McpProbe.failed(McpProbe.Status.FAILED, "interrupted", List.of());
    } catch (RuntimeException e) {
      System.getLogger(SdkProber.class.getName()).log(System.Logger.Level.DEBUG, "setting up " + server.name(), e);
      return McpProbe.failed(McpProbe.Status.FAILED, "cannot set up the connection (run with --debug for details)", List.of());
    } finally {
      worker.shutdownNow();
      if (client[0] != null) closeQuietly(client[0]);
      awaitQuietly(worker);
    }
  }

  /** The worker is interrupted out of a blocked request; a probe returns once it has ended (at most a second). */
  private static void awaitQuietly(ExecutorService worker) {
    try {
      worker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for the session, and notices a stdio server that died: once its process is gone, waiting longer cannot help
   * (what it wrote to stdout before exiting is still read: a quarter of a second for the session to take it).
   */
  private McpProbe await(Future<McpProbe> f, StdioTransport stdio) throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos() + 2_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        return f.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillWaiting) {
        if (!stdio.exited()) continue;
        try {
          return f.get(250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException exited) {
          return McpProbe.failed(McpProbe.Status.FAILED, "the server exited before answering", List.of());
        }
      }
    }
    throw new TimeoutException();
  }

  /** A path must be an executable file; a bare name must be one in some PATH directory. */
  static boolean executable(String command, String path) {
    if (command.isBlank()) return false;
    if (command.contains("/")) return java.nio.file.Files.isExecutable(java.nio.file.Path.of(command));
    for (String dir : path.split(java.io.File.pathSeparator, -1)) {
      if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command))) return true;
    }
    return false;
  }

  private McpProbe session(McpSyncClient client) {
    McpSchema.InitializeResult init = client.initialize();
    McpSchema.ServerCapabilities caps = init.capabilities() == null ? McpSchema.ServerCapabilities.builder().build() : init.capabilities();
    List<String> warnings = new ArrayList<>();
    if (init.instructions() != null) for (String w : inspector.warnings(init.instructions())) warnings.add("server instructions: " + w);
    List<McpTool> tools = caps.tools() == null ? List.of() : tools(client);
    List<String> prompts = new ArrayList<>();
    if (caps.prompts() != null) {
      for (McpSchema.Prompt p : client.listPrompts().prompts()) {
        prompts.add(p.name());
        String args = p.arguments() == null ? "" : p.arguments().stream().map(a -> a.name() + " " + text(a.description())).collect(Collectors.joining("\n"));
        for (String w : inspector.warnings(p.name() + "\n" + text(p.description()) + "\n" + args)) warnings.add("prompt " + p.name() + ": " + w);
      }
    }
    List<String> resources = new ArrayList<>();
    if (caps.resources() != null) {
      for (McpSchema.Resource r : client.listResources().resources()) {
        String name = r.name() == null || r.name().isBlank() ? redactor.url(text(r.uri())) : r.name();
        resources.add(name);
        for (String w : inspector.warnings(name + "\n" + text(r.description()))) warnings.add("resource " + name + ": " + w);
      }
    }
    McpSchema.Implementation info = init.serverInfo();
    return new McpProbe(McpProbe.Status.OK, "", info == null ? "" : text(info.name()), info == null ? "" : text(info.version()), tools,
        prompts.stream().sorted().toList(), resources.stream().sorted().toList(), warnings, List.of(), List.of());
  }

  private List<McpTool> tools(McpSyncClient client) {
    List<McpTool> out = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      McpSchema.ListToolsResult r = cursor == null ? client.listTools() : client.listTools(cursor);
      for (McpSchema.Tool t : r.tools()) out.add(inspector.inspect(text(t.name()), text(t.description()), TREE.valueToTree(t.inputSchema())));
      cursor = r.nextCursor();
      if (cursor == null || cursor.isEmpty()) break;
    }
    out.sort(Comparator.comparing(McpTool::name));
    return out;
  }

  /** The command line of a stdio server: its command resolved as {@link #command} does, then its arguments. */
  private static List<String> commandLine(ServerLaunch launch) {
    List<String> out = new ArrayList<>();
    out.add(command(launch));
    out.addAll(launch.args());
    return out;
  }

  /** An HTTP or SSE server, connected to with the config's headers. */
  private McpClientTransport remote(ServerLaunch launch) {
    URI u = URI.create(launch.url());
    String base = u.getScheme() + "://" + u.getRawAuthority();
    String endpoint = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    HttpRequest.Builder request = HttpRequest.newBuilder();
    launch.headers().forEach((k, v) -> request.header(k, expand(v)));
    if (launch.transport() == McpTransport.SSE) {
      return sse(base, endpoint, request);
    }
    return HttpClientStreamableHttpTransport.builder(base).endpoint(endpoint).requestBuilder(request).jsonMapper(JSON)
        .connectTimeout(timeout).build();
  }

  /**
   * The legacy HTTP+SSE transport. The SDK deprecates it as the MCP specification does, but servers configured with
   * it still run and are probed the way their clients reach them.
   */
  @SuppressWarnings("deprecation")
  private static McpClientTransport sse(String base, String endpoint, HttpRequest.Builder request) {
    return HttpClientSseClientTransport.builder(base).sseEndpoint(endpoint).requestBuilder(request).jsonMapper(JSON).build();
  }

  /** A relative path ({@code ./server.py}) is the config's, so it resolves against the launch's working directory. */
  private static String command(ServerLaunch launch) {
    String c = launch.command();
    if (!c.contains("/") || c.startsWith("/") || launch.cwd().isEmpty()) return c;
    return java.nio.file.Path.of(launch.cwd()).resolve(c).normalize().toString();
  }

  /** PATH and HOME from the host, then what the config sets; nothing else of the user's environment. */
  Map<String, String> env(ServerLaunch launch) {
    Map<String, String> env = new TreeMap<>();
    for (String k : List.of("PATH", "HOME")) if (hostEnv.containsKey(k)) env.put(k, hostEnv.get(k));
    launch.env().forEach((k, v) -> env.put(k, expand(v)));
    return env;
  }

  private String expand(String value) {
    Matcher m = REF.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(hostEnv.getOrDefault(m.group(1), "")));
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Every value the config hands the server that is or may be secret: env and header values, and each argument the
   * redactor would mask (a server that echoes its argv in a shape the text rules do not read still loses them).
   */
  private List<String> secrets(ServerLaunch launch) {
    List<String> out = new ArrayList<>();
    launch.env().values().forEach(v -> out.add(expand(v)));
    launch.headers().values().forEach(v -> out.add(expand(v)));
    List<String> args = launch.args().stream().map(this::expand).toList();
    List<String> shown = redactor.argv(args);
    for (int i = 0; i < args.size(); i++) {
      String raw = args.get(i);
      if (raw.equals(shown.get(i))) continue;
      out.add(raw);
      int eq = raw.indexOf('=');
      if (eq >= 0) out.add(raw.substring(eq + 1));
    }
    return out;
  }

  /** Says what went wrong without echoing the server's raw words: the tail (masked) is where those go. */
  private McpProbe failure(McpServer server, Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof TimeoutException) return McpProbe.failed(McpProbe.Status.TIMEOUT, "no answer to a request in time", List.of());
      if (c instanceof java.io.IOException && String.valueOf(c.getMessage()).startsWith("Cannot run program")) {
        return McpProbe.failed(McpProbe.Status.FAILED, "cannot start '" + server.command() + "': not found or not executable", List.of());
      }
      if (c instanceof io.modelcontextprotocol.spec.McpError) {
        return McpProbe.failed(McpProbe.Status.FAILED, "the server answered with an error: " + masked(c.getMessage()), List.of());
      }
    }
    System.getLogger(SdkProber.class.getName()).log(System.Logger.Level.DEBUG, "probing " + server.name(), e);
    String why = server.transport() == McpTransport.STDIO
        ? "the session failed: the server closed it or did not speak MCP (see its stderr; --debug for details)"
        : "connection failed: " + transport(e);
    return McpProbe.failed(McpProbe.Status.FAILED, why, List.of());
  }

  /** Why an HTTP or SSE connection failed, in words (the exception's class and text go to --debug). */
  private static String transport(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof java.net.ConnectException) return "connection refused";
      if (c instanceof java.net.UnknownHostException) return "unknown host";
      if (c instanceof javax.net.ssl.SSLException) return "TLS failed (certificate or protocol)";
      if (c instanceof java.net.http.HttpTimeoutException || c instanceof java.net.SocketTimeoutException) return "timed out";
    }
    return "the server did not answer as an MCP server (run with --debug for details)";
  }

  private String masked(String message) {
    String out = redactor.text(message == null ? "" : message.lines().findFirst().orElse(""));
    return out.length() > 200 ? out.substring(0, 199) + "…" : out;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static void closeQuietly(McpSyncClient client) {
    try {
      client.close();
    } catch (RuntimeException ignored) {
      // the processes are killed next; a close that fails changes nothing the report says
    }
  }

  private static McpProbe withStderr(McpProbe p, List<String> stderrTail) {
    return new McpProbe(p.status(), p.detail(), p.serverName(), p.serverVersion(), p.tools(), p.prompts(), p.resources(),
        p.warnings(), p.changes(), stderrTail);
  }
}
