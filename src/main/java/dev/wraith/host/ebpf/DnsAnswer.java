package dev.wraith.host.ebpf;

import java.time.Instant;
import java.util.List;

/**
 * A DNS answer a process received, as the sensor's {@code dns-answer} JSON line carries it (field for field:
 * {@code {"type":"dns-answer","time","node","pid","startTicks","netns","podUid","containerId","name",
 * "answers":[{"ip","ttl"}]}}).
 *
 * @param node the node the sensor runs on ($NODE_NAME, else the kernel's hostname)
 * @param netns "net:[INODE]" of the receiving process
 * @param podUid "" for a process outside every pod; {@code containerId} "" when its cgroup names no container
 * @param name the question name, lower case
 * @param answers the A/AAAA addresses the name leads to (through its CNAME chain), each with its TTL in seconds
 */
public record DnsAnswer(Instant time, String node, int pid, long startTicks, String netns, String podUid,
    String containerId, String name, List<Answer> answers) {
  public DnsAnswer {
    answers = List.copyOf(answers);
  }

  /** One address with its time to live in seconds. */
  public record Answer(String ip, long ttl) {}

  /** Whether {@code ip} is among the answers and still within its TTL (plus {@code graceSeconds}) at {@code at}. */
  public boolean names(String ip, Instant at, long graceSeconds) {
    for (Answer a : answers) {
      if (a.ip().equals(ip) && !at.isAfter(time.plusSeconds(a.ttl() + graceSeconds))) return true;
    }
    return false;
  }
}
