package dev.wraith.attribution;

import java.time.Instant;
import java.util.List;

/**
 * One DNS answer a process received, as the sensor records it: the question name, its A/AAAA answers with their TTL,
 * when, and who asked (the scope). The JSON-lines form ({@link DnsAnswerLog}) is the contract between the sensor that
 * writes these and every reader ({@code --dns-log}, the in-cluster scanner):
 *
 * <pre>{"type":"dns-answer","time":"2026-11-16T09:14:07Z","node":"node-a","pid":88164,"startTicks":9120345,
 *  "netns":"net:[4026532301]","podUid":"5f0c2b1e-…","containerId":"4c1e9a7b…","name":"api.openai.com",
 *  "answers":[{"ip":"162.159.140.245","ttl":300}]}</pre>
 *
 * Only {@code type}, {@code time}, {@code name} and {@code answers} are required; a scope field that is unknown is
 * absent (or "" / 0). {@code pid} is the host's pid (as /proc and Tetragon report it), {@code startTicks} its start
 * time in clock ticks after boot (field 22 of /proc/PID/stat), {@code netns} as {@code ProcessInfo.netns}
 * ("net:[INODE]"), {@code containerId} without a runtime prefix.
 *
 * @param name the question name, normalised (lower case, no trailing dot)
 * @param answers the A and AAAA records of the answer (CNAMEs followed), at least one
 */
public record DnsAnswerRecord(Instant time, String node, int pid, long startTicks, String netns, String podUid,
    String containerId, String name, List<Answer> answers) {
  /** One address with its TTL in seconds. */
  public record Answer(String ip, long ttl) {
    public Answer {
      if (ip == null) throw new NullPointerException("ip");
      if (ttl < 0) throw new IllegalArgumentException("negative ttl");
    }
  }

  public DnsAnswerRecord {
    if (time == null || node == null || netns == null || podUid == null || containerId == null || name == null) {
      throw new NullPointerException("dns-answer fields are never null");
    }
    answers = List.copyOf(answers);
  }

  /** Who asked, as {@link DnsAnswers} matches it. */
  public DnsAnswers.Scope scope() {
    return new DnsAnswers.Scope(node, pid, startTicks, netns, podUid, containerId);
  }
}
