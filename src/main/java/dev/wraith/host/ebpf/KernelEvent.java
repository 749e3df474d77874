package dev.wraith.host.ebpf;

import java.time.Instant;
import java.util.List;

/**
 * What the kernel probe reports, typed. No payload bytes appear here: the decoder reduces them to names at once
 * (a {@link RequestName}, a parsed {@link DnsMessage}), so nothing else of what a process wrote or read outlives
 * the decoding of its frame.
 */
public sealed interface KernelEvent {
  /**
   * The process behind an event.
   *
   * @param pid the process (thread group) id in the node's PID namespace
   * @param tid the thread that made the call
   * @param startTicks the process's start time in clock ticks since boot, as /proc/PID/stat field 22 reads: with
   *     the pid, the process's identity ({@code ProcessInfo.startTicks})
   * @param cgroupId the cgroup v2 id: the inode of the process's cgroup directory
   * @param netnsInode the network namespace's inode; {@link #netns()} spells it as /proc/PID/ns/net does
   * @param time when the kernel saw it (boot clock mapped to wall-clock time with the loader's clock pairs)
   */
  record Task(int pid, int tid, long startTicks, long cgroupId, long netnsInode, Instant time) {
    /** "net:[INODE]", the form of {@code ProcessInfo.netns}. */
    public String netns() {
      return "net:[" + netnsInode + "]";
    }
  }

  /** A TCP connect (the socket went to SYN_SENT): also a non-blocking one, also one that then fails. */
  record Connect(Task task, long connection, Endpoint source, Endpoint destination) implements KernelEvent {}

  /**
   * The first write of a process on a connection it opened, reduced to its name.
   *
   * @param captured how many bytes the probe read (at most the bound); {@code written} how many the call wrote
   */
  record FirstBytes(Task task, long connection, Endpoint source, Endpoint destination, RequestName name, int captured,
      long written) implements KernelEvent {}

  /** A DNS response a process received from {@code server} (port 53), parsed. */
  record DnsReply(Task task, Endpoint server, boolean tcp, DnsMessage message) implements KernelEvent {}

  /**
   * A process image started (execve). {@code argv} is masked as the host layer masks /proc's cmdline;
   * {@code argvTruncated} when the command line was longer than the probe reads.
   */
  record Exec(Task task, int ppid, int uid, String binary, List<String> argv, boolean argvTruncated) implements KernelEvent {
    public Exec {
      argv = List.copyOf(argv);
    }
  }

  /** A process ended (its thread group leader exited). */
  record Exit(Task task) implements KernelEvent {}

  /** Records lost since the last such event: {@code what} names where ("connects: ring buffer full", ...). */
  record Lost(String what, long count) implements KernelEvent {}
}
