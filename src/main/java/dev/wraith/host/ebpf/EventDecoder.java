package dev.wraith.host.ebpf;

import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the loader's frames into {@link KernelEvent}s (layout: src/main/bpf/probe.h and loader.c). Payload is
 * parsed here and dropped: a first write becomes a {@link RequestName}, a DNS message a {@link DnsMessage}. Kernel
 * times (boot clock) become wall-clock instants through the clock pairs the loader sends. A record shorter than
 * its layout is counted in {@link #malformed()} and skipped. Not thread-safe: one reader thread owns it.
 */
final class EventDecoder {
  static final int READY = 1, EVENT = 2, STATS = 3;
  static final int LAYOUT = 1;
  /** USER_HZ: /proc reports start times in 1/100 s on every Linux architecture wraith runs on. */
  static final long NANOS_PER_TICK = 10_000_000L;
  static final int HEAD = 40, CONNECT_SIZE = 88, DATA_HEAD = 96, EXEC_HEAD = 320, PATH_AT = 64, PATH_MAX = 256;
  static final int T_CONNECT = 1, T_DNS = 2, T_PAYLOAD = 3, T_EXEC = 4, T_EXIT = 5, TYPES = 6;
  private static final String[] NAMES = {"", "connects", "DNS answers", "first writes", "execs", "exits"};

  private long bootNs = -1, realNs;
  private final long[] drops = new long[TYPES];
  private long malformed;
  private final Redactor redactor;

  /** @param redactor applied to every exec's arguments here, so no event ever holds them raw */
  EventDecoder(Redactor redactor) {
    this.redactor = redactor;
  }

  /** Whether the READY frame has been seen. */
  boolean ready() {
    return bootNs >= 0;
  }

  long malformed() {
    return malformed;
  }

  /** @throws IOException when the loader speaks another layout than this wraith's */
  List<KernelEvent> decode(int kind, byte[] body) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    switch (kind) {
      case READY -> {
        if (body.length < 24) throw new IOException("short READY frame");
        if (b.getInt(0) != LAYOUT) throw new IOException("the probe binary speaks layout " + b.getInt(0) + ", this wraith " + LAYOUT);
        clocks(b.getLong(8), b.getLong(16));
        return List.of();
      }
      case STATS -> {
        return body.length < 16 + 8 * TYPES ? List.of() : stats(b);
      }
      case EVENT -> {
        KernelEvent e = body.length >= HEAD ? event(b, body) : null;
        if (e == null) malformed++;
        return e == null ? List.of() : List.of(e);
      }
      default -> {
        malformed++;
        return List.of();
      }
    }
  }

  private List<KernelEvent> stats(ByteBuffer b) {
    clocks(b.getLong(0), b.getLong(8));
    List<KernelEvent> out = new ArrayList<>();
    for (int t = 1; t < TYPES; t++) {
      long total = b.getLong(16 + 8 * t);
      if (total > drops[t]) out.add(new KernelEvent.Lost(NAMES[t] + ": kernel ring buffer full", total - drops[t]));
      drops[t] = Math.max(drops[t], total);
    }
    return out;
  }

  private void clocks(long boot, long real) {
    bootNs = boot;
    realNs = real;
  }

  private KernelEvent event(ByteBuffer b, byte[] body) {
    KernelEvent.Task task = task(b);
    int type = b.getInt(24);
    return switch (type) {
      case T_CONNECT -> body.length < CONNECT_SIZE ? null
          : new KernelEvent.Connect(task, b.getLong(40), endpoint(b, body, 56, 50), endpoint(b, body, 72, 52));
      case T_PAYLOAD, T_DNS -> data(b, body, task, type);
      case T_EXEC -> body.length < EXEC_HEAD ? null : exec(b, body, task);
      case T_EXIT -> new KernelEvent.Exit(task);
      default -> null;
    };
  }

  private KernelEvent.Task task(ByteBuffer b) {
    long time = b.getLong(0);
    Instant at = bootNs < 0 ? Instant.now() : Instant.ofEpochSecond(0, realNs + (time - bootNs));
    return new KernelEvent.Task(b.getInt(32), b.getInt(28), b.getLong(8) / NANOS_PER_TICK, b.getLong(16),
        Integer.toUnsignedLong(b.getInt(36)), at);
  }

  private KernelEvent data(ByteBuffer b, byte[] body, KernelEvent.Task task, int type) {
    if (body.length < DATA_HEAD) return null;
    int len = Math.min(b.getInt(88), body.length - DATA_HEAD);
    if (len < 0) return null;
    byte[] data = Arrays.copyOfRange(body, DATA_HEAD, DATA_HEAD + len);
    Endpoint local = endpoint(b, body, 56, 50), peer = endpoint(b, body, 72, 52);
    try {
      if (type == T_PAYLOAD) {
        return new KernelEvent.FirstBytes(task, b.getLong(40), local, peer, RequestNames.of(data, len), len,
            Integer.toUnsignedLong(b.getInt(92)));
      }
      boolean tcp = (b.getShort(54) & 0xffff) == 6;
      return DnsParser.parse(data, len, tcp).map(m -> (KernelEvent) new KernelEvent.DnsReply(task, peer, tcp, m)).orElse(null);
    } finally {
      Arrays.fill(data, (byte) 0); // the payload is dropped here, not left for the collector to find
    }
  }

  private KernelEvent exec(ByteBuffer b, byte[] body, KernelEvent.Task task) {
    int pathLen = Math.min(Math.max(b.getInt(48), 0), PATH_MAX);
    int argsLen = Math.min(Math.max(b.getInt(52), 0), body.length - EXEC_HEAD);
    long argsTotal = Integer.toUnsignedLong(b.getInt(56));
    String path = new String(body, PATH_AT, Math.min(pathLen, body.length - PATH_AT), StandardCharsets.UTF_8);
    boolean truncated = argsTotal > argsLen;
    List<String> raw = split(body, EXEC_HEAD, argsLen);
    // a cut-off last argument could be the first characters of a key, too short for the redactor to recognise
    if (truncated && !raw.isEmpty() && body[EXEC_HEAD + argsLen - 1] != 0) raw = raw.subList(0, raw.size() - 1);
    return new KernelEvent.Exec(task, b.getInt(40), b.getInt(44), path, redactor.argv(raw), truncated);
  }

  private static List<String> split(byte[] b, int from, int len) {
    List<String> parts = new ArrayList<>();
    int start = from, end = from + len;
    for (int i = from; i < end; i++) {
      if (b[i] == 0) {
        parts.add(new String(b, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    if (start < end) parts.add(new String(b, start, end - start, StandardCharsets.UTF_8));
    return parts;
  }

  private static Endpoint endpoint(ByteBuffer b, byte[] body, int addressAt, int portAt) {
    int family = b.getShort(48) & 0xffff;
    int port = b.getShort(portAt) & 0xffff;
    byte[] address = Arrays.copyOfRange(body, addressAt, addressAt + (family == 10 ? 16 : 4));
    return family == 2 || family == 10 ? Endpoint.of(address, port) : Endpoint.NONE;
  }
}
