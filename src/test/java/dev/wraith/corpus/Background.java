package dev.wraith.corpus;

import dev.wraith.cli.Main;

/**
 * A long-running command ({@code sensor --serve}, {@code operator}) on its own thread, as in a pod; close interrupts it
 * and waits for it. Its streams go wherever System.out and System.err point while it runs (the caller captures them).
 */
final class Background implements AutoCloseable {
  private final Thread thread;

  private Background(Thread thread) {
    this.thread = thread;
  }

  static Background start(String name, String... args) {
    Thread t = new Thread(() -> Main.run(args), "redact-corpus-" + name);
    t.setDaemon(true);
    t.start();
    return new Background(t);
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller's interrupt stands; the thread was told to stop
    }
  }
}
