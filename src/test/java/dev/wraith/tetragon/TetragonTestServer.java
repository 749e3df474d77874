package dev.wraith.tetragon;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.wraith.tetragon.api.FineGuidanceSensorsGrpc;
import dev.wraith.tetragon.api.GetEventsRequest;
import dev.wraith.tetragon.api.GetEventsResponse;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Tetragon's gRPC server: {@code FineGuidanceSensors.GetEvents} over a unix domain socket (netty
 * epoll, as the Helm chart's socket) or TCP on 127.0.0.1. Each incoming stream plays the next {@link Script}:
 * its messages (sent as the client's flow control allows), then its ending (drop the stream, hold it open, or
 * complete it). Streams beyond the scripts are held open without messages.
 */
final class TetragonTestServer implements AutoCloseable {
  /** How a scripted stream ends after its messages. */
  enum Ending { DROP, HOLD, COMPLETE }

  record Script(List<GetEventsResponse> messages, Ending ending) {}

  private final Server server;
  private final EventLoopGroup group;
  private final String address;
  /** The requests of every stream opened, in order. */
  final List<GetEventsRequest> requests;
  /** Counted down each time a stream has sent all its scripted messages. */
  final java.util.concurrent.Semaphore sent;

  private TetragonTestServer(Server server, EventLoopGroup group, String address, Service service) {
    this.server = server;
    this.group = group;
    this.address = address;
    this.requests = service.requests;
    this.sent = service.sent;
  }

  /** Listens on the unix socket at path. */
  static TetragonTestServer unix(Path path, Script... scripts) throws IOException {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    Service service = new Service(List.of(scripts));
    Server s = NettyServerBuilder.forAddress(new DomainSocketAddress(path.toString()))
        .channelType(EpollServerDomainSocketChannel.class).bossEventLoopGroup(group).workerEventLoopGroup(group)
        .addService(service).build().start();
    return new TetragonTestServer(s, group, "unix://" + path, service);
  }

  /** Listens on 127.0.0.1, on a free port. */
  static TetragonTestServer tcp(Script... scripts) throws IOException {
    Service service = new Service(List.of(scripts));
    Server s = NettyServerBuilder.forAddress(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0)).addService(service).build().start();
    return new TetragonTestServer(s, null, "127.0.0.1:" + s.getPort(), service);
  }

  String address() {
    return address;
  }

  @Override
  public void close() {
    try {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      if (group != null) group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Export lines as the messages Tetragon's gRPC server sends for the same events: each line's JSON (after
   * any kubectl prefix) parsed with protobuf's own protojson parser, plus the upstream fields the subset does
   * not declare ({@link UpstreamFields}). Lines that are not an event (garbage, cut lines) are left out; event
   * types the subset does not declare arrive as envelopes without an event, as they would.
   */
  static List<GetEventsResponse> fromExportLines(List<String> lines) {
    List<GetEventsResponse> out = new ArrayList<>();
    for (String line : lines) {
      GetEventsResponse m = fromExportLine(line);
      if (m != null) out.add(m);
    }
    return out;
  }

  /** One line's message, or null when the line is not an event. */
  static GetEventsResponse fromExportLine(String line) {
    int brace = line.indexOf('{');
    if (brace < 0) return null;
    String json = line.substring(brace);
    GetEventsResponse.Builder b = GetEventsResponse.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(json, b);
      return UpstreamFields.add(b.build(), TetragonStream.JSON.readTree(json));
    } catch (InvalidProtocolBufferException | com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  private static final class Service extends FineGuidanceSensorsGrpc.FineGuidanceSensorsImplBase {
    private final List<Script> scripts;
    private final AtomicInteger streams = new AtomicInteger();
    final List<GetEventsRequest> requests = new CopyOnWriteArrayList<>();
    final java.util.concurrent.Semaphore sent = new java.util.concurrent.Semaphore(0);

    Service(List<Script> scripts) {
      this.scripts = scripts;
    }

    @Override
    public void getEvents(GetEventsRequest request, StreamObserver<GetEventsResponse> observer) {
      requests.add(request);
      int n = streams.getAndIncrement();
      Script script = n < scripts.size() ? scripts.get(n) : new Script(List.of(), Ending.HOLD);
      var call = (ServerCallStreamObserver<GetEventsResponse>) observer;
      Iterator<GetEventsResponse> it = script.messages().iterator();
      boolean[] ended = {false};
      call.setOnCancelHandler(() -> { });
      call.setOnReadyHandler(() -> {
        while (call.isReady() && it.hasNext()) call.onNext(it.next());
        if (it.hasNext() || ended[0]) return;
        ended[0] = true;
        sent.release();
        switch (script.ending()) {
          case DROP -> call.onError(Status.UNAVAILABLE.withDescription("test server dropped the stream").asRuntimeException());
          case COMPLETE -> call.onCompleted();
          case HOLD -> { }
        }
      });
    }
  }
}
