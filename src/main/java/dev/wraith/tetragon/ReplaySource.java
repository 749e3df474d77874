package dev.wraith.tetragon;

import java.util.List;
import java.util.function.Consumer;

/** A fixed list of events, for tests and for replaying what another source already read. */
public record ReplaySource(String describe, List<Event> events) implements EventSource {
  public ReplaySource {
    events = List.copyOf(events);
  }

  @Override
  public void read(Consumer<Event> sink, ReadTally tally) {
    for (Event e : events) {
      tally.event();
      sink.accept(e);
    }
  }
}
