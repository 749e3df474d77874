package dev.wraith.host.ebpf;

import dev.wraith.redact.Redactor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recorded probe output replayed: a file of the loader's frames (what {@code wraith-probe > FILE} writes), decoded
 * exactly as the live stream is. Each poll returns up to {@link #BATCH} events; at the end of the file the probe
 * has stopped, with the reason "end of FILE" (or the decoding error).
 */
public final class FixtureProbe implements KernelProbe {
  static final int BATCH = 1024;

  private final Path file;
  private final InputStream in;
  private final FrameReader frames;
  private final EventDecoder decoder;
  private String ended;
  private java.time.Instant heard = java.time.Instant.now();

  /** @param redactor applied to every exec's arguments, as the live probe does */
  public FixtureProbe(Path file, Redactor redactor) throws IOException {
    this.file = file;
    this.decoder = new EventDecoder(redactor);
    this.in = new BufferedInputStream(Files.newInputStream(file));
    this.frames = new FrameReader(in);
  }

  @Override
  public String describe() {
    return "fixture " + file.getFileName();
  }

  @Override
  public List<KernelEvent> poll(Duration wait) {
    List<KernelEvent> out = new ArrayList<>();
    try {
      while (ended == null && out.size() < BATCH) {
        Optional<FrameReader.Frame> f = frames.next();
        if (f.isEmpty()) {
          ended = "end of " + file.getFileName();
          break;
        }
        out.addAll(decoder.decode(f.get().kind(), f.get().body()));
        heard = java.time.Instant.now();
      }
    } catch (IOException e) {
      ended = file.getFileName() + ": " + e.getMessage();
    }
    return out;
  }

  @Override
  public Optional<String> stopped() {
    return Optional.ofNullable(ended);
  }

  @Override
  public java.time.Instant lastHeard() {
    return heard;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // read-only; nothing to undo
    }
    if (ended == null) ended = "closed";
  }
}
