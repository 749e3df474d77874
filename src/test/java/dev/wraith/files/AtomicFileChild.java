package dev.wraith.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A process that is killed while writing: opens an {@link AtomicFile}, writes half of it, says so, and waits. */
public final class AtomicFileChild {
  private AtomicFileChild() {}

  public static void main(String[] args) throws Exception {
    AtomicFile out = AtomicFile.create(Path.of(args[0]));
    out.write("half a report".getBytes(StandardCharsets.UTF_8));
    out.flush();
    System.out.println("writing");
    System.out.flush();
    Thread.sleep(120_000);
  }
}
