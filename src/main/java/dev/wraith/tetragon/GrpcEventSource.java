package dev.wraith.tetragon;

import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.wraith.tetragon.api.EventType;
import dev.wraith.tetragon.api.FieldFilter;
import dev.wraith.tetragon.api.FieldFilterAction;
import dev.wraith.tetragon.api.Filter;
import dev.wraith.tetragon.api.GetEventsRequest;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Tetragon's live event stream, {@code /tetragon.FineGuidanceSensors/GetEvents}, read for a bounded time (or
 * until {@link #stop()}). The request asks the server to send only exec, exit, kprobe, throttle and rate-limit
 * events, without environment variables, ancestors, pod labels or annotations ({@link #request()}).
 *
 * <p>Failures: when the server cannot be reached at all (no socket, connection refused, the RPC refused), the
 * read fails with the reason. Once it has streamed, a dropped stream is retried with exponential backoff,
 * and the time it was down becomes a {@link Event.Gap data gap}: Tetragon does not replay what it sent while
 * nobody listened. Each attempt is one {@link GetEventsCall}, whose flow control lets a slow reader slow the
 * stream down rather than grow memory. A message that does not parse is counted as malformed and skipped.
 */
public final class GrpcEventSource implements EventSource {
  /** Statuses that retrying will not fix. */
  private static final Set<Status.Code> FATAL = Set.of(Status.Code.UNIMPLEMENTED, Status.Code.INVALID_ARGUMENT,
      Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED, Status.Code.FAILED_PRECONDITION);

  /** The exponential backoff between reconnection attempts. */
  public record Backoff(Duration initial, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    Duration after(Duration wait) {
      Duration twice = wait.multipliedBy(2);
      return twice.compareTo(max) > 0 ? max : twice;
    }
  }

  private final TetragonAddress address;
  private final Optional<Duration> duration;
  private final Backoff backoff;
  private final Clock clock;
  /** Stop after this many messages (benchmarks, tests); Long.MAX_VALUE normally. */
  private final long maxMessages;
  private volatile boolean stopped;
  private volatile GetEventsCall current;
  private volatile Thread reading;

  /** @param duration how long to read; empty: until {@link #stop()} */
  public GrpcEventSource(TetragonAddress address, Optional<Duration> duration) {
    this(address, duration, Backoff.DEFAULT, Clock.systemUTC(), Long.MAX_VALUE);
  }

  GrpcEventSource(TetragonAddress address, Optional<Duration> duration, Backoff backoff, Clock clock, long maxMessages) {
    this.address = address;
    this.duration = duration;
    this.backoff = backoff;
    this.clock = clock;
    this.maxMessages = maxMessages;
  }

  @Override
  public String describe() {
    return "gRPC " + address;
  }

  /** Ends the read as soon as possible, keeping what was read; callable from any thread (a signal handler). */
  public void stop() {
    stopped = true;
    GetEventsCall c = current;
    if (c != null) c.wake();
    Thread t = reading;
    if (t != null) LockSupport.unpark(t);
  }

  /** What this client asks for: the events the layer reads, without the heavy fields it never reads. */
  static GetEventsRequest request() {
    return GetEventsRequest.newBuilder()
        .addAllowList(Filter.newBuilder().addAllEventSet(List.of(EventType.PROCESS_EXEC, EventType.PROCESS_EXIT,
            EventType.PROCESS_KPROBE, EventType.PROCESS_THROTTLE, EventType.RATE_LIMIT_INFO)))
        .addFieldFilters(FieldFilter.newBuilder()
            .addAllEventSet(List.of(EventType.PROCESS_EXEC, EventType.PROCESS_EXIT, EventType.PROCESS_KPROBE))
            .setAction(FieldFilterAction.EXCLUDE)
            .setFields(FieldMask.newBuilder().addAllPaths(List.of("process.environment_variables",
                "parent.environment_variables", "ancestors", "process.pod.pod_labels", "process.pod.pod_annotations",
                "parent.pod.pod_labels", "parent.pod.pod_annotations"))))
        .build();
  }

  @Override
  public void read(Consumer<Event> sink, ReadTally tally) throws IOException {
    long deadline = duration.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
    reading = Thread.currentThread();
    Attempts attempts = new Attempts(sink, tally);
    Duration wait = backoff.initial();
    try {
      while (!stopped && System.nanoTime() < deadline) {
        if (!attempts.everConnected) requireSocket();
        Ended end = attempts.once(deadline);
        if (end.connected()) wait = backoff.initial();
        if (end.status() == null) break; // stopped or out of time
        Status s = end.status();
        if (attempts.messages == 0 && (!attempts.everConnected || FATAL.contains(s.getCode()))) {
          throw new IOException("cannot stream from Tetragon at " + address + ": " + describe(s));
        }
        attempts.down(describe(s));
        if (FATAL.contains(s.getCode())) {
          tally.warn("Tetragon at " + address + " refused the stream (" + describe(s) + "); stopped reading");
          break;
        }
        pause(wait, deadline);
        wait = backoff.after(wait);
      }
      attempts.endOfRun();
    } finally {
      reading = null;
    }
  }

  private void requireSocket() throws IOException {
    if (address.socket().isPresent() && !Files.exists(address.socket().get())) {
      throw new IOException("no socket at " + address.socket().get() + ": Tetragon is not running on this node, or its "
          + "gRPC server listens elsewhere (--tetragon-address; the agent's own default is localhost:54321)");
    }
  }

  /** Sleeps for wait, or less when stopped or out of time. */
  private void pause(Duration wait, long deadline) {
    long until = Math.min(deadline, System.nanoTime() + wait.toNanos());
    for (long left = until - System.nanoTime(); left > 0 && !stopped; left = until - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }
  }

  /** How one attempt ended: status null when it was stopped or ran out of time. */
  private record Ended(Status status, boolean connected) {}

  /** The attempts of one read: what was streamed, and the data gap in progress. */
  private final class Attempts {
    final Consumer<Event> sink;
    final ReadTally tally;
    final ProtoWireReader reader = new ProtoWireReader();
    boolean everConnected;
    long messages;
    Instant downSince;
    String downWhy;

    Attempts(Consumer<Event> sink, ReadTally tally) {
      this.sink = sink;
      this.tally = tally;
    }

    Ended once(long deadline) {
      boolean connected = false;
      try (GetEventsCall call = new GetEventsCall(address, request())) {
        current = call;
        if (stopped) call.wake();
        try {
          while (true) {
            Object o = call.next(deadline);
            if (o == null || o == GetEventsCall.Signal.STOP) return finish(call, connected);
            if (o instanceof Status s) return new Ended(s, connected);
            if (!connected) {
              connected = true;
              up();
            }
            if (o instanceof byte[] m) {
              take(m);
              if (messages >= maxMessages) {
                stopped = true;
                return finish(call, connected);
              }
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopped = true;
          return finish(call, connected);
        }
      } finally {
        current = null;
      }
    }

    /** Cancels the call and reads what had already arrived. */
    private Ended finish(GetEventsCall call, boolean connected) {
      call.cancel();
      for (Object o = call.leftover(); o != null && messages < maxMessages; o = call.leftover()) {
        if (o instanceof byte[] m) take(m);
      }
      return new Ended(null, connected);
    }

    private void take(byte[] message) {
      messages++;
      tally.line();
      Event e;
      try {
        e = reader.read(message);
      } catch (IOException | RuntimeException bad) {
        tally.malformed("gRPC message " + messages, "not a valid GetEventsResponse");
        return;
      }
      if (e == null) {
        tally.ignored();
      } else {
        tally.event();
        sink.accept(e);
      }
    }

    /** Connected (again): a gap in progress ends here. */
    private void up() {
      everConnected = true;
      if (downSince == null) return;
      Instant now = clock.instant();
      sink.accept(new Event.Gap("", downSince, "the gRPC stream from " + address + " was down for "
          + seconds(Duration.between(downSince, now)) + " (" + downWhy + "); Tetragon does not resend what it sent then"));
      downSince = null;
    }

    void down(String why) {
      if (downSince != null) return;
      downSince = clock.instant();
      downWhy = why;
    }

    void endOfRun() {
      if (downSince == null) return;
      sink.accept(new Event.Gap("", downSince, "the gRPC stream from " + address + " dropped (" + downWhy
          + ") and was not back by the end of the run"));
      downSince = null;
    }
  }

  /**
   * A gRPC status in words: what the code means here, then why (the transport failure, or the server's own description
   * when the server sent the status); gRPC's and netty's wording stays in the debug log.
   */
  static String describe(Status s) {
    System.getLogger(GrpcEventSource.class.getName()).log(System.Logger.Level.DEBUG, "gRPC status " + s, s.getCause());
    String words = switch (s.getCode()) {
      case UNAVAILABLE -> "unreachable";
      case DEADLINE_EXCEEDED -> "no answer in time";
      case UNIMPLEMENTED -> "the server does not offer Tetragon's event stream (is it Tetragon?)";
      case PERMISSION_DENIED, UNAUTHENTICATED -> "access refused";
      case RESOURCE_EXHAUSTED -> "the server refused (resources exhausted)";
      case CANCELLED -> "cancelled";
      default -> "server error (" + s.getCode().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
    };
    if (s.getCause() != null) return words + ": " + transport(s.getCause());
    String d = s.getDescription();
    return d == null || d.isBlank() ? words : words + ": " + d.lines().findFirst().orElse("");
  }

  private static String transport(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException) return "connection refused";
      if (t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
        return "unknown host";
      }
      if (t instanceof javax.net.ssl.SSLException) return "TLS failed";
      if (t instanceof java.nio.channels.ClosedChannelException) return "the connection was closed";
      if (t instanceof java.net.SocketTimeoutException) return "timed out";
    }
    return "the connection failed (run with --debug for details)";
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
