package dev.wraith.tetragon;

import java.time.Instant;
import java.util.Optional;

/**
 * The Tetragon events this layer uses, whichever way they arrived (JSON export or gRPC); every other event type
 * is counted and skipped.
 */
public sealed interface Event {
  String node();

  Instant time();

  /** process_exec: a process (and its parent, when present) entered the tree. */
  record Exec(String node, Instant time, Proc process, Optional<Proc> parent) implements Event {}

  /** process_exit. */
  record Exit(String node, Instant time, Proc process) implements Event {}

  /**
   * An outbound connection: process_kprobe tcp_connect/tcp_sendmsg (sock_arg), security_socket_connect
   * (sockaddr_arg), or process_connect from older versions.
   *
   * @param function the kprobe function, or "process_connect"
   */
  record Connect(String node, Instant time, Proc process, Optional<Proc> parent, String function, String daddr,
      int dport, String protocol) implements Event {}

  /**
   * A hole in the data: Tetragon dropped events (rate_limit_info), throttled a cgroup (process_throttle), or
   * the live stream was down for a while.
   */
  record Gap(String node, Instant time, String what) implements Event {
    static String rateLimit(long dropped) {
      return "rate_limit_info, Tetragon dropped " + dropped + " events";
    }

    /** null for THROTTLE_STOP: events flow again, which closes a gap rather than opening one. */
    static String throttle(String type, String cgroup) {
      if (type.equals("THROTTLE_STOP")) return null;
      return "process_throttle, Tetragon throttled the events of cgroup " + (cgroup.isEmpty() ? "?" : cgroup);
    }
  }
}
