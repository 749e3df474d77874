package dev.wraith.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The stdio transport of a probe, owned by wraith instead of the SDK's {@code StdioClientTransport}: that one stops
 * reading the server's stderr once its stdout ends (both loops share one closing flag), so a server that wrote its
 * error and exited at once could lose every line. Here wraith starts the process itself (exactly the given command,
 * environment and working directory), writes requests to its stdin on a thread of its own, reads newline-delimited
 * JSON-RPC from its stdout (a message at most {@link #MAX_MESSAGE_CHARS} characters), and drains its stderr with a
 * {@link StderrDrain} until end of file. {@link #stop()} kills the process with its descendants and returns once they
 * are gone, the stderr read to its end (or {@link #STDERR_WAIT} passed) and every stream closed.
 */
final class StdioTransport implements McpClientTransport {
  static final int MAX_MESSAGE_CHARS = 16 * 1024 * 1024;
  /** After the kill, how long stderr may take to reach its end (a process that escaped the kill may still hold it). */
  static final Duration STDERR_WAIT = Duration.ofSeconds(2);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  private static final System.Logger LOG = System.getLogger(StdioTransport.class.getName());

  private final List<String> command;
  private final Map<String, String> env;
  private final String cwd;
  private final McpJsonMapper json;
  private final Consumer<String> stderrLines;
  private final Sinks.Many<JSONRPCMessage> inbound = Sinks.many().unicast().onBackpressureBuffer();
  private final ExecutorService stdin = Executors.newSingleThreadExecutor(r -> daemon(r, "wraith-mcp-stdin"));
  /** Requests may be sent before {@link #connect} has started the process: the writer waits for it in order. */
  private final CompletableFuture<Process> started = new CompletableFuture<>();
  private volatile Process process;
  private StderrDrain stderr;
  private Thread stdout;
  private boolean stopped;

  /** {@code env} is the whole environment the server gets; {@code cwd} is used when it names a directory. */
  StdioTransport(List<String> command, Map<String, String> env, String cwd, McpJsonMapper json, Consumer<String> stderrLines) {
    this.command = List.copyOf(command);
    this.env = Map.copyOf(env);
    this.cwd = cwd;
    this.json = json;
    this.stderrLines = stderrLines;
  }

  @Override
  public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
    return Mono.<Void>fromRunnable(() -> start(handler)).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Mono<Void> sendMessage(JSONRPCMessage message) {
    return Mono.fromRunnable(() -> stdin.execute(() -> write(message)));
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.<Void>fromRunnable(this::stop).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
    return json.convertValue(data, typeRef);
  }

  /** True once the server's process was started and has exited. */
  boolean exited() {
    Process p = process;
    return p != null && !p.isAlive();
  }

  /**
   * Kills the server with its descendants (npx and shells fork) and waits until they are gone (at most 5 s), then
   * until stderr reached its end (at most {@link #STDERR_WAIT}), then closes the streams. Idempotent; a transport
   * stopped before it started never starts its process. A process that left the tree (setsid, a double fork) and still
   * holds stdout or stderr is not found here: the probe still returns within {@link #STDERR_WAIT} with the lines read
   * so far, and the reader thread ends when that process closes them. (When the server's own process exits, the JDK
   * may also end the stream early, handing the reader what is left in the pipe: every byte the server wrote before it
   * exited is read either way; only writes of its descendants after that moment can be missing.)
   */
  synchronized void stop() {
    if (stopped) return;
    stopped = true;
    started.completeExceptionally(new IllegalStateException("the probe ended"));
    inbound.tryEmitComplete();
    stdin.shutdownNow();
    Process p = process;
    if (p == null) return;
    killTree(p);
    long deadline = System.nanoTime() + STDERR_WAIT.toNanos(); // one wait for all three: an escaped process holds them all
    try {
      if (!stderr.awaitEnd(STDERR_WAIT)) LOG.log(System.Logger.Level.DEBUG, "a process outside the server's tree holds its stderr");
      stdout.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      stdin.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(p.getOutputStream());
    closeQuietly(p.getInputStream());
    closeQuietly(p.getErrorStream());
  }

  private synchronized void start(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
    if (stopped) throw new IllegalStateException("the probe ended before the server was started");
    inbound.asFlux().flatMap(m -> Mono.just(m).transform(handler)).subscribe();
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(env);
    if (!cwd.isEmpty() && Files.isDirectory(Path.of(cwd))) pb.directory(new File(cwd));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      started.completeExceptionally(e);
      throw new IllegalStateException("cannot start the server", e);
    }
    stderr = StderrDrain.start(p.getErrorStream(), stderrLines, "wraith-mcp-stderr");
    stdout = daemon(() -> readStdout(p.getInputStream()), "wraith-mcp-stdout");
    stdout.start();
    process = p;
    started.complete(p);
  }

  private void readStdout(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = readLine(r)) != null; ) {
        if (line.isBlank()) continue;
        if (!inbound.tryEmitNext(McpSchema.deserializeJsonRpcMessage(json, line)).isSuccess()) break;
      }
    } catch (IOException | RuntimeException e) {
      // not MCP, too long or closed: the session ends here as with the SDK's transport; the probe says what it saw
      LOG.log(System.Logger.Level.DEBUG, "reading a probed server's stdout", e);
    } finally {
      inbound.tryEmitComplete();
    }
  }

  /** A line ended by {@code \n}, {@code \r\n} or {@code \r}; an IOException past {@link #MAX_MESSAGE_CHARS}. */
  private static String readLine(BufferedReader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c; (c = r.read()) != -1; ) {
      if (c == '\n') return sb.toString();
      if (c == '\r') {
        r.mark(1);
        int next = r.read();
        if (next != '\n' && next != -1) r.reset();
        return sb.toString();
      }
      if (sb.length() >= MAX_MESSAGE_CHARS) throw new IOException("a message longer than " + MAX_MESSAGE_CHARS + " characters");
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private void write(JSONRPCMessage message) {
    try {
      OutputStream os = started.get().getOutputStream();
      os.write((json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
      os.flush();
    } catch (IOException | ExecutionException e) {
      // not started, or the server closed its stdin or exited: the request gets no answer, which the probe reports
      LOG.log(System.Logger.Level.DEBUG, "writing to a probed server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopped
    }
  }

  private static void killTree(Process p) {
    List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList()); // before the parent dies and they move away
    tree.add(p.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + KILL_WAIT.toNanos();
    for (ProcessHandle h : tree) {
      try {
        h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        return; // SIGKILL was sent; the process table shows one that is not reaped yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing a probed server's stream", e);
    }
  }
}
