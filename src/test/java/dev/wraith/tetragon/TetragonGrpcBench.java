package dev.wraith.tetragon;

import dev.wraith.attribution.Attributor;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.TetragonScan;
import dev.wraith.tetragon.api.FineGuidanceSensorsGrpc;
import dev.wraith.tetragon.api.GetEventsResponse;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC half of bench/tetragon-bench.sh (not a test). Three commands, each its own JVM:
 * <ul>
 *   <li>{@code serve EVENTS.log SOCKET}: turns the export lines into GetEventsResponse messages once (cached as
 *       length-prefixed protobuf beside the file), then streams their bytes over a unix socket to every client,
 *       as fast as the client's flow control allows;
 *   <li>{@code raw SOCKET N}: the baseline, wraith's own call (channel, flow control) receiving N messages and only
 *       counting them, without parsing;
 *   <li>{@code wraith SOCKET N}: wraith's own path ({@link GrpcEventSource} into {@link TetragonCollector}) until
 *       N messages were read.
 * </ul>
 */
public final class TetragonGrpcBench {
  private TetragonGrpcBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "serve" -> serve(Path.of(args[1]), Path.of(args[2]));
      case "raw" -> raw(args[1], Long.parseLong(args[2]));
      case "wraith" -> wraith(args[1], Long.parseLong(args[2]));
      default -> throw new IllegalArgumentException("serve | raw | wraith");
    }
  }

  private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw Status.INTERNAL.withCause(e).asRuntimeException();
      }
    }
  };

  private static final MethodDescriptor<byte[], byte[]> RAW = FineGuidanceSensorsGrpc.getGetEventsMethod().toBuilder(BYTES, BYTES).build();

  private static void serve(Path events, Path socket) throws Exception {
    Path pb = Path.of(events + ".pb");
    if (!Files.exists(pb) || Files.getLastModifiedTime(pb).compareTo(Files.getLastModifiedTime(events)) < 0) convert(events, pb);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    ServerServiceDefinition service = ServerServiceDefinition.builder(FineGuidanceSensorsGrpc.SERVICE_NAME)
        .addMethod(RAW, ServerCalls.asyncServerStreamingCall((request, observer) -> {
          var call = (ServerCallStreamObserver<byte[]>) observer;
          DataInputStream in;
          try {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(pb), 1 << 20));
          } catch (IOException e) {
            call.onError(Status.INTERNAL.withCause(e).asRuntimeException());
            return;
          }
          call.setOnCancelHandler(() -> close(in));
          call.setOnReadyThreshold(1 << 20); // keep a megabyte in flight, not the default 32 KiB
          call.setOnReadyHandler(() -> {
            try {
              while (call.isReady()) {
                int n;
                try {
                  n = in.readInt();
                } catch (EOFException end) {
                  return; // everything sent: hold the stream open, as Tetragon does
                }
                byte[] m = new byte[n];
                in.readFully(m);
                call.onNext(m);
              }
            } catch (IOException e) {
              call.onError(Status.INTERNAL.withCause(e).asRuntimeException());
            }
          });
        })).build();
    Files.deleteIfExists(socket);
    Server server = NettyServerBuilder.forAddress(new DomainSocketAddress(socket.toString()))
        .channelType(EpollServerDomainSocketChannel.class).bossEventLoopGroup(group).workerEventLoopGroup(group)
        .directExecutor() // the replay runs on the event loop, so netty batches its writes
        .addService(service).build().start();
    System.out.println("ready");
    System.out.flush();
    server.awaitTermination();
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the stream is gone either way
    }
  }

  /** Export lines to length-prefixed GetEventsResponse messages as Tetragon would send them. */
  private static void convert(Path events, Path pb) throws IOException {
    long n = 0;
    try (var lines = Files.lines(events, StandardCharsets.UTF_8);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(pb), 1 << 20)) {
      for (String line : (Iterable<String>) lines::iterator) {
        GetEventsResponse r = TetragonTestServer.fromExportLine(line);
        if (r == null) continue;
        byte[] m = r.toByteArray();
        out.write(new byte[] {(byte) (m.length >>> 24), (byte) (m.length >>> 16), (byte) (m.length >>> 8), (byte) m.length});
        out.write(m);
        n++;
      }
    }
    System.err.println("converted " + n + " events to " + pb);
  }

  /**
   * Receives n messages through the same call wraith uses ({@link GetEventsCall}: channel, flow control, reader
   * naps) and only counts them: what the transport alone costs.
   */
  private static void raw(String socket, long n) throws InterruptedException {
    long t0 = System.nanoTime();
    long count = 0;
    try (GetEventsCall call = new GetEventsCall(TetragonAddress.parse("unix://" + socket), GrpcEventSource.request())) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
      while (count < n) {
        Object o = call.next(deadline);
        if (o == null || o instanceof Status) break;
        if (o instanceof byte[]) count++;
      }
      call.cancel();
    }
    report("raw gRPC (count only)", count, System.nanoTime() - t0, "");
  }

  /** wraith's own path, stopped after n messages. */
  private static void wraith(String socket, long n) {
    var collector = new TetragonCollector(new Attributor(CatalogueLoader.bundled(), List.of(), Optional.empty()), dev.wraith.redact.Redactor.bundled());
    long t0 = System.nanoTime();
    TetragonScan s = collector.collect(new GrpcEventSource(TetragonAddress.parse("unix://" + socket),
        Optional.of(Duration.ofMinutes(30)), GrpcEventSource.Backoff.DEFAULT, Clock.systemUTC(), n));
    long ns = System.nanoTime() - t0;
    report("wraith gRPC", s.stats().lines(), ns, " observations=" + s.observations().size() + " state="
        + s.status().state().id() + " stats=" + s.stats());
  }

  private static void report(String what, long messages, long ns, String extra) {
    System.out.printf(java.util.Locale.ROOT, "%s: %d events in %d ms, %d events/s%s%n", what, messages, ns / 1_000_000,
        (long) (messages / (ns / 1e9)), extra);
  }
}
