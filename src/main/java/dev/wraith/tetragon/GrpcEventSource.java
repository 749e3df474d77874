package dev.wraith.tetragon;

import com.google.protobuf.DiscardUnknownFieldsParser;
import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import dev.wraith.tetragon.api.EventType;
import dev.wraith.tetragon.api.FieldFilter;
import dev.wraith.tetragon.api.FieldFilterAction;
import dev.wraith.tetragon.api.FineGuidanceSensorsGrpc;
import dev.wraith.tetragon.api.Filter;
import dev.wraith.tetragon.api.GetEventsRequest;
import dev.wraith.tetragon.api.GetEventsResponse;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Tetragon's live event stream, {@code /tetragon.FineGuidanceSensors/GetEvents}, read for a bounded time (or
 * until {@link #stop()}). The request asks the server to send only exec, exit, kprobe, throttle and rate-limit
 * events, without environment variables, ancestors, labels or stack traces.
 *
 * <p>Failures: when the server cannot be reached at all (no socket, connection refused, the RPC refused), the
 * read fails with the reason. Once it has streamed, a dropped stream is retried with exponential backoff,
 * and the time it was down becomes a {@link Event.Gap data gap}: Tetragon does not replay what it sent while
 * nobody listened. Messages are parsed on gRPC's transport thread and handed over through a bounded window
 * (flow control), so a slow reader slows the stream rather than growing memory.
 */
public final class GrpcEventSource implements EventSource {
  /** Messages requested from the server ahead of the reader. */
  static final int WINDOW = 4096;
  /** HTTP/2 flow-control window: room for the messages requested, so the server is never held up by it. */
  private static final int FLOW_CONTROL_WINDOW = 8 << 20;
  /**
   * The reader naps while no message is queued, from 50 µs doubling up to 20 ms: a streaming server finds it
   * awake often enough to never run out of requested messages, an idle one costs 50 wake-ups a second.
   */
  private static final long MIN_IDLE_NANOS = 50_000, MAX_IDLE_NANOS = 20_000_000;
  /** Events with full ancestry can be large; the default 4 MB would drop the stream on one of them. */
  private static final int MAX_MESSAGE = 32 << 20;
  /** Statuses that retrying will not fix. */
  private static final Set<Status.Code> FATAL = Set.of(Status.Code.UNIMPLEMENTED, Status.Code.INVALID_ARGUMENT,
      Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED, Status.Code.FAILED_PRECONDITION);

  /**
   * Netty warns on stderr, once per connection, that a unix socket has no SO_KEEPALIVE (which gRPC sets on
   * every client channel). Harmless, and noise in a CLI's output: that one logger only reports errors. Held
   * here because java.util.logging forgets the level of a logger nobody references.
   */
  private static final java.util.logging.Logger NETTY_BOOTSTRAP = quiet("io.grpc.netty.shaded.io.netty.bootstrap.Bootstrap");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
    l.setLevel(java.util.logging.Level.SEVERE);
    return l;
  }

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
  private volatile BlockingQueue<Object> signals;

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
    BlockingQueue<Object> q = signals;
    if (q != null) q.offer(Signal.STOP);
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
    Stream stream = new Stream(sink, tally);
    Duration wait = backoff.initial();
    while (!stopped && System.nanoTime() < deadline) {
      if (!stream.everConnected) requireSocket();
      Ended end = stream.once(deadline);
      if (end.connected()) wait = backoff.initial();
      if (end.status() == null) break; // stopped or out of time
      Status s = end.status();
      if (!stream.everConnected && stream.messages == 0) {
        throw new IOException("cannot stream from Tetragon at " + address + ": " + describe(s));
      }
      stream.down(describe(s));
      if (FATAL.contains(s.getCode())) {
        tally.warn("Tetragon at " + address + " refused the stream (" + describe(s) + "); stopped reading");
        break;
      }
      pause(wait, deadline);
      wait = backoff.after(wait);
    }
    stream.endOfRun();
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
    BlockingQueue<Object> q = new ArrayBlockingQueue<>(4);
    signals = q;
    try {
      while (!stopped) {
        long left = until - System.nanoTime();
        if (left <= 0 || q.poll(left, TimeUnit.NANOSECONDS) == Signal.STOP) return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    } finally {
      signals = null;
    }
  }

  private enum Signal { STOP, READY }

  /** How one attempt ended: status null when it was stopped or ran out of time. */
  private record Ended(Status status, boolean connected) {}

  /** The attempts of one read: what was streamed, and the data gap in progress. */
  private final class Stream {
    final Consumer<Event> sink;
    final ReadTally tally;
    final ProtoEventReader reader = new ProtoEventReader();
    boolean everConnected;
    long messages;
    Instant downSince;
    String downWhy;

    Stream(Consumer<Event> sink, ReadTally tally) {
      this.sink = sink;
      this.tally = tally;
    }

    Ended once(long deadline) {
      ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(address.target(), InsecureChannelCredentials.create())
          .directExecutor().maxInboundMessageSize(MAX_MESSAGE);
      if (builder instanceof NettyChannelBuilder netty) netty.initialFlowControlWindow(FLOW_CONTROL_WINDOW);
      ManagedChannel channel = builder.build();
      BlockingQueue<Object> q = new ArrayBlockingQueue<>(WINDOW + 8);
      signals = q;
      if (stopped) q.offer(Signal.STOP);
      boolean connected = false;
      ClientCall<GetEventsRequest, GetEventsResponse> call = channel.newCall(METHOD, CallOptions.DEFAULT);
      try {
        watchReady(channel, q);
        call.start(new Listener(q), new Metadata());
        call.sendMessage(request());
        call.halfClose();
        call.request(WINDOW);
        int credit = 0;
        long idle = MIN_IDLE_NANOS;
        while (true) {
          long left = deadline - System.nanoTime();
          if (left <= 0) return finish(call, q, connected);
          Object o = q.poll();
          if (o == null) {
            // nap instead of waiting on the queue: a wake-up per message would cost more than the message
            if (Thread.interrupted()) throw new InterruptedException();
            LockSupport.parkNanos(Math.min(idle, left));
            idle = Math.min(idle * 2, MAX_IDLE_NANOS);
            continue;
          }
          idle = MIN_IDLE_NANOS;
          if (o == Signal.STOP) return finish(call, q, connected);
          if (o instanceof Status s) return new Ended(s, connected);
          if (!connected) {
            connected = true;
            up();
          }
          if (o instanceof GetEventsResponse r) {
            take(r);
            if (messages >= maxMessages) {
              stopped = true;
              return finish(call, q, connected);
            }
            if (++credit == WINDOW / 2) {
              call.request(credit);
              credit = 0;
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
        return finish(call, q, connected);
      } finally {
        signals = null;
        channel.shutdownNow();
      }
    }

    /** Cancels the call and reads what had already arrived. */
    private Ended finish(ClientCall<GetEventsRequest, GetEventsResponse> call, BlockingQueue<Object> q, boolean connected) {
      call.cancel("wraith stopped reading", null);
      for (Object o = q.poll(); o != null && messages < maxMessages; o = q.poll()) {
        if (o instanceof GetEventsResponse r) take(r);
      }
      return new Ended(null, connected);
    }

    private void take(GetEventsResponse r) {
      messages++;
      tally.line();
      Event e = reader.read(r);
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

  /** Signals READY once the channel's transport is up, before any event arrives on a quiet stream. */
  private static void watchReady(ManagedChannel channel, BlockingQueue<Object> q) {
    ConnectivityState s = channel.getState(true);
    if (s == ConnectivityState.READY) q.offer(Signal.READY);
    else if (s != ConnectivityState.SHUTDOWN) channel.notifyWhenStateChanged(s, () -> watchReady(channel, q));
  }

  /** Runs on the transport thread: never blocks, the queue has room for every message requested. */
  private static final class Listener extends ClientCall.Listener<GetEventsResponse> {
    private final BlockingQueue<Object> q;

    Listener(BlockingQueue<Object> q) {
      this.q = q;
    }

    @Override
    public void onMessage(GetEventsResponse message) {
      q.offer(message);
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      q.offer(status.isOk() ? Status.UNAVAILABLE.withDescription("Tetragon ended the stream") : status);
    }
  }

  static String describe(Status s) {
    StringBuilder b = new StringBuilder(s.getCode().name());
    if (s.getDescription() != null) b.append(": ").append(s.getDescription());
    if (s.getCause() != null && s.getCause().getMessage() != null) b.append(" (").append(s.getCause().getMessage()).append(')');
    return b.toString();
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /**
   * GetEvents with a response parser that drops the fields this subset does not declare instead of keeping
   * them as unknown fields: less garbage, and values such as environment variables are never held.
   */
  static final MethodDescriptor<GetEventsRequest, GetEventsResponse> METHOD = FineGuidanceSensorsGrpc.getGetEventsMethod()
      .toBuilder(ProtoUtils.marshaller(GetEventsRequest.getDefaultInstance()), new DiscardingMarshaller()).build();

  private static final class DiscardingMarshaller implements MethodDescriptor.Marshaller<GetEventsResponse> {
    private static final Parser<GetEventsResponse> PARSER = DiscardUnknownFieldsParser.wrap(GetEventsResponse.parser());

    @Override
    public InputStream stream(GetEventsResponse value) {
      return value.toByteString().newInput();
    }

    @Override
    public GetEventsResponse parse(InputStream stream) {
      try {
        return PARSER.parseFrom(stream);
      } catch (InvalidProtocolBufferException e) {
        throw Status.INTERNAL.withDescription("malformed GetEventsResponse").withCause(e).asRuntimeException();
      }
    }
  }
}
