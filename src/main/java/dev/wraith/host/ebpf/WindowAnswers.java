package dev.wraith.host.ebpf;

import dev.wraith.attribution.DnsAnswerRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DNS answers of one window as the sensor writes them ({@code dns-answer} lines, for {@code --dns-log}): the same
 * answer repeated to the same process (same name, same addresses) is kept twice at most, its first and its last
 * arrival, which is all a reader needs to know when the answer held. Bounded: at most {@link #MAX_KEPT} distinct
 * answers per window; the rest are counted. Not thread-safe.
 */
final class WindowAnswers {
  /** A served window keeps its lines for --retain: 2,000 answers are at most 4,000 lines, about 1 MB. */
  static final int MAX_KEPT = 2_000;

  /** An answer without its time: what repeats. */
  private record Key(String node, int pid, long startTicks, String netns, String podUid, String containerId, String name,
      List<String> ips) {}

  private static final class Span {
    final DnsAnswerRecord first;
    DnsAnswerRecord last;

    Span(DnsAnswerRecord first) {
      this.first = first;
      this.last = first;
    }
  }

  private final Map<Key, Span> kept = new LinkedHashMap<>();
  private long received, leftOut;

  void add(DnsAnswerRecord r) {
    received++;
    Key k = new Key(r.node(), r.pid(), r.startTicks(), r.netns(), r.podUid(), r.containerId(), r.name(),
        r.answers().stream().map(DnsAnswerRecord.Answer::ip).sorted().toList());
    Span s = kept.get(k);
    if (s != null) {
      s.last = r;
    } else if (kept.size() < MAX_KEPT) {
      kept.put(k, new Span(r));
    } else {
      leftOut++;
    }
  }

  /** What the window kept, by time (then pid and name), and starts the next window. */
  Taken take() {
    List<DnsAnswerRecord> out = new ArrayList<>(kept.size() + 8);
    for (Span s : kept.values()) {
      out.add(s.first);
      if (s.last != s.first) out.add(s.last);
    }
    out.sort(Comparator.comparing(DnsAnswerRecord::time).thenComparingInt(DnsAnswerRecord::pid)
        .thenComparing(DnsAnswerRecord::name));
    Taken t = new Taken(out, received, leftOut);
    kept.clear();
    received = 0;
    leftOut = 0;
    return t;
  }

  /**
   * One window's answers.
   *
   * @param received every answer with an address that arrived, repeats included
   * @param leftOut distinct answers beyond {@link #MAX_KEPT}: used for attribution, not written
   */
  record Taken(List<DnsAnswerRecord> answers, long received, long leftOut) {
    Taken {
      answers = List.copyOf(answers);
    }
  }
}
