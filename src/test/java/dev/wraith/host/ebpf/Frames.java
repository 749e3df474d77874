package dev.wraith.host.ebpf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes frames in the loader's format (src/main/bpf/probe.h, loader.c) for fixtures: what {@code wraith-probe >
 * FILE} records. Kernel times are given as wall-clock instants; the READY frame pairs boot time 0 with {@code epoch}.
 */
public final class Frames {
  static final long TICK = 10_000_000L;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Instant epoch;

  public Frames(Instant epoch) {
    this.epoch = epoch;
    ByteBuffer b = le(24).putInt(1).putInt(0).putLong(0).putLong(nanos(epoch));
    frame(EventDecoder.READY, array(b));
  }

  /** The process of an event: pid, start ticks, cgroup id and netns inode. */
  public record Proc(int pid, long startTicks, long cgroup, long netns) {}

  public Frames connect(Proc p, Instant at, long conn, byte[] daddr, int dport) {
    ByteBuffer b = head(88, p, at, EventDecoder.T_CONNECT);
    b.putLong(40, conn).putShort(48, family(daddr)).putShort(50, (short) 0).putShort(52, (short) dport).putShort(54, (short) 6);
    b.position(72);
    b.put(daddr);
    return frame(EventDecoder.EVENT, array(b));
  }

  public Frames payload(Proc p, Instant at, long conn, byte[] daddr, int sport, int dport, byte[] data, long written) {
    return data(EventDecoder.T_PAYLOAD, p, at, conn, daddr, sport, dport, 6, data, written);
  }

  public Frames dns(Proc p, Instant at, byte[] server, byte[] message) {
    return data(EventDecoder.T_DNS, p, at, 0, server, 40000, 53, 17, message, message.length);
  }

  public Frames exec(Proc p, Instant at, int ppid, String path, String... argv) {
    byte[] args = String.join("\0", argv).concat("\0").getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = head(EventDecoder.EXEC_HEAD + args.length, p, at, EventDecoder.T_EXEC);
    byte[] pb = path.getBytes(StandardCharsets.UTF_8);
    b.putInt(40, ppid).putInt(44, 0).putInt(48, pb.length).putInt(52, args.length).putInt(56, args.length);
    b.position(EventDecoder.PATH_AT);
    b.put(pb);
    b.position(EventDecoder.EXEC_HEAD);
    b.put(args);
    return frame(EventDecoder.EVENT, array(b));
  }

  public Frames exit(Proc p, Instant at) {
    return frame(EventDecoder.EVENT, array(head(40, p, at, EventDecoder.T_EXIT)));
  }

  /** A STATS frame with drop totals per record type (index = type). */
  public Frames stats(long... dropsByType) {
    ByteBuffer b = le(16 + 8 * EventDecoder.TYPES).putLong(0).putLong(nanos(epoch));
    for (int t = 0; t < EventDecoder.TYPES; t++) b.putLong(t < dropsByType.length ? dropsByType[t] : 0);
    return frame(EventDecoder.STATS, array(b));
  }

  Frames frame(int kind, byte[] body) {
    out.writeBytes(array(le(8).putInt(body.length + 4).putInt(kind)));
    out.writeBytes(body);
    return this;
  }

  public byte[] bytes() {
    return out.toByteArray();
  }

  private Frames data(int type, Proc p, Instant at, long conn, byte[] peer, int sport, int dport, int proto, byte[] data, long written) {
    ByteBuffer b = head(EventDecoder.DATA_HEAD + data.length, p, at, type);
    b.putLong(40, conn).putShort(48, family(peer)).putShort(50, (short) sport).putShort(52, (short) dport).putShort(54, (short) proto);
    byte[] local = peer.clone();
    local[local.length - 1] = 1; // the client's address: the peer's network, host 1
    b.position(56);
    b.put(local);
    b.position(72);
    b.put(peer);
    b.putInt(88, data.length).putInt(92, (int) written);
    b.position(EventDecoder.DATA_HEAD);
    b.put(data);
    return frame(EventDecoder.EVENT, array(b));
  }

  private ByteBuffer head(int size, Proc p, Instant at, int type) {
    ByteBuffer b = le(size);
    b.putLong(0, nanos(at) - nanos(epoch)).putLong(8, p.startTicks() * TICK + 1234).putLong(16, p.cgroup())
        .putInt(24, type).putInt(28, p.pid()).putInt(32, p.pid()).putInt(36, (int) p.netns());
    return b;
  }

  private static short family(byte[] address) {
    return (short) (address.length == 16 ? 10 : 2);
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** The buffer's whole content (all of it is written: every frame fills its fixed layout). */
  private static byte[] array(ByteBuffer b) {
    return Arrays.copyOfRange(b.array(), b.arrayOffset(), b.arrayOffset() + b.capacity());
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
