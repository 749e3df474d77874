package dev.wraith.tetragon;

import dev.wraith.tetragon.api.FineGuidanceSensorsGrpc;
import dev.wraith.tetragon.api.GetEventsRequest;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One {@code GetEvents} call on a channel of its own, read by one thread with {@link #next}. Messages arrive as
 * bytes on gRPC's transport thread and are decoded by the reader ({@link ProtoWireReader}), so transport and
 * decoding use a core each.
 * Flow control: the server may send only {@link #WINDOW} messages ahead of the reader, so the queue never
 * grows beyond that. The transport thread never wakes the reader; the reader naps while the queue is empty,
 * which costs one wake-up per nap instead of one per message.
 */
final class GetEventsCall implements AutoCloseable {
  /** Messages requested from the server ahead of the reader. */
  static final int WINDOW = 4096;
  /** Events with full ancestry can be large; the default 4 MB would end the stream on one of them. */
  private static final int MAX_MESSAGE = 32 << 20;
  /** HTTP/2 flow-control window: room for the messages requested, so the server is never held up by it. */
  private static final int FLOW_CONTROL_WINDOW = 8 << 20;
  /**
   * The reader's nap while nothing is queued: 500 µs at first (at 200,000 events/s a hundred messages wait,
   * far less than the window), doubling up to 20 ms on a quiet stream: 50 wake-ups a second.
   */
  private static final long MIN_NAP_NANOS = 500_000, MAX_NAP_NANOS = 20_000_000;

  /**
   * Netty warns on stderr, once per connection, that a unix socket has no SO_KEEPALIVE (which gRPC sets on
   * every client channel). Harmless, and noise in a CLI's output: that one logger only reports errors. Held
   * here because java.util.logging forgets the level of a logger nobody references.
   */
  @SuppressWarnings("UnusedVariable") // never read: the strong reference is what keeps the level (see above)
  private static final java.util.logging.Logger NETTY_BOOTSTRAP = quiet("io.grpc.netty.shaded.io.netty.bootstrap.Bootstrap");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
    l.setLevel(java.util.logging.Level.SEVERE);
    return l;
  }

  /** What {@link #next} can return besides message bytes and a closing {@link Status}. */
  enum Signal { READY, STOP }

  private final ManagedChannel channel;
  private final ClientCall<GetEventsRequest, byte[]> call;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(WINDOW + 8);
  private long nap = MIN_NAP_NANOS;
  private int credit;
  private volatile boolean woken;

  /** Opens the channel and starts the call. */
  GetEventsCall(TetragonAddress address, GetEventsRequest request) {
    ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(address.target(), InsecureChannelCredentials.create())
        .directExecutor().maxInboundMessageSize(MAX_MESSAGE);
    if (builder instanceof NettyChannelBuilder netty) netty.initialFlowControlWindow(FLOW_CONTROL_WINDOW);
    channel = builder.build();
    call = channel.newCall(WIRE, CallOptions.DEFAULT);
    watchReady(channel, queue);
    call.start(new Listener(queue), new Metadata());
    call.sendMessage(request);
    call.halfClose();
    call.request(WINDOW);
  }

  /**
   * The next message's bytes, {@link Signal#READY} once the connection is up, {@link Signal#STOP} after {@link
   * #wake}, the closing {@link Status}, or null when the deadline passed first.
   */
  Object next(long deadline) throws InterruptedException {
    while (true) {
      if (woken) return Signal.STOP;
      Object o = queue.poll();
      if (o != null) {
        nap = MIN_NAP_NANOS;
        if (o instanceof byte[] && ++credit == WINDOW / 2) {
          call.request(credit);
          credit = 0;
        }
        return o;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) return null;
      if (Thread.interrupted()) throw new InterruptedException();
      LockSupport.parkNanos(Math.min(nap, left));
      nap = Math.min(nap * 2, MAX_NAP_NANOS);
    }
  }

  /**
   * Makes {@link #next} return {@link Signal#STOP} at its next turn (within one nap; the caller may unpark the
   * reader to make it at once); callable from any thread.
   */
  void wake() {
    woken = true;
  }

  /** What had arrived and was not read yet, one at a time, without waiting; null when nothing is left. */
  Object leftover() {
    return queue.poll();
  }

  /** Ends the call; what had already arrived can still be read with {@link #next}. */
  void cancel() {
    call.cancel("wraith stopped reading", null);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }

  /** Signals READY once the channel's transport is up, before any event arrives on a quiet stream. */
  private static void watchReady(ManagedChannel channel, BlockingQueue<Object> q) {
    ConnectivityState s = channel.getState(true);
    if (s == ConnectivityState.READY) q.offer(Signal.READY);
    else if (s != ConnectivityState.SHUTDOWN) channel.notifyWhenStateChanged(s, () -> watchReady(channel, q));
  }

  /** Runs on the transport thread: never blocks, the queue has room for every message requested. */
  private static final class Listener extends ClientCall.Listener<byte[]> {
    private final BlockingQueue<Object> q;

    Listener(BlockingQueue<Object> q) {
      this.q = q;
    }

    @Override
    public void onMessage(byte[] message) {
      q.offer(message);
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      q.offer(status.isOk() ? Status.UNAVAILABLE.withDescription("Tetragon ended the stream") : status);
    }
  }

  /** GetEvents with the response left as bytes: parsing is the reader's work, not the transport thread's. */
  static final MethodDescriptor<GetEventsRequest, byte[]> WIRE = FineGuidanceSensorsGrpc.getGetEventsMethod()
      .toBuilder(ProtoUtils.marshaller(GetEventsRequest.getDefaultInstance()), new Bytes()).build();

  private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream instanceof KnownLength ? stream.readNBytes(stream.available()) : stream.readAllBytes();
      } catch (IOException e) {
        throw Status.INTERNAL.withDescription("reading a GetEventsResponse").withCause(e).asRuntimeException();
      }
    }
  }
}
