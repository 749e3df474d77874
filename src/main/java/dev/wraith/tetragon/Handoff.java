package dev.wraith.tetragon;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Runs a source's read on a thread of its own and hands its events, in order and in batches, to a consumer on
 * the calling thread. The queue is bounded, so a slow consumer slows the reader down instead of growing
 * memory. The tally is written by the reader thread only and is complete when {@link #run} returns.
 */
final class Handoff {
  private static final int BATCH = 1024;
  private static final int BATCHES_IN_FLIGHT = 16;

  private Handoff() {}

  /** Reads source into sink; returns what made the read fail (null when it did not). */
  static Exception run(EventSource source, ReadTally tally, Consumer<Event> sink) throws InterruptedException {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    Thread reader = new Thread(() -> read(source, tally, queue), "tetragon-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      while (true) {
        Object item = queue.take();
        if (item instanceof Event[] batch) {
          for (Event e : batch) {
            if (e == null) break;
            sink.accept(e);
          }
        } else {
          return ((End) item).failure();
        }
      }
    } catch (InterruptedException | RuntimeException e) {
      reader.interrupt();
      throw e;
    } finally {
      reader.join(1000);
    }
  }

  private record End(Exception failure) {}

  private static void read(EventSource source, ReadTally tally, BlockingQueue<Object> queue) {
    Exception failure = null;
    Batcher batcher = new Batcher(queue);
    try {
      source.read(batcher, tally);
      batcher.flush();
    } catch (Interrupted e) {
      return; // the consumer gave up
    } catch (Exception e) {
      failure = e;
    } catch (Error e) { // the consumer must not wait forever for an end that never comes
      failure = new IllegalStateException(e.toString(), e);
    }
    try {
      queue.put(new End(failure));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Interrupted(InterruptedException cause) {
      super(cause);
    }
  }

  private static final class Batcher implements Consumer<Event> {
    private final BlockingQueue<Object> queue;
    private Event[] batch = new Event[BATCH];
    private int n;

    Batcher(BlockingQueue<Object> queue) {
      this.queue = queue;
    }

    @Override
    public void accept(Event e) {
      batch[n++] = e;
      if (n == BATCH) flush();
    }

    void flush() {
      if (n == 0) return;
      try {
        queue.put(batch);
      } catch (InterruptedException e) {
        throw new Interrupted(e);
      }
      batch = new Event[BATCH];
      n = 0;
    }
  }
}
