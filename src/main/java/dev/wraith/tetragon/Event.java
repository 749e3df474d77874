package dev.wraith.tetragon;

import java.time.Instant;

/** The Tetragon events this layer uses; every other event type is counted and skipped. */
public sealed interface Event {
  String node();

  Instant time();

  /** process_exec: a process (and its parent, when present) entered the tree. */
  record Exec(String node, Instant time, Proc process, java.util.Optional<Proc> parent) implements Event {}

  /** process_exit. */
  record Exit(String node, Instant time, Proc process) implements Event {}

  /**
   * An outbound connection: process_kprobe tcp_connect/tcp_sendmsg (sock_arg), security_socket_connect
   * (sockaddr_arg), or process_connect from older versions.
   *
   * @param function the kprobe function, or "process_connect"
   */
  record Connect(String node, Instant time, Proc process, java.util.Optional<Proc> parent, String function,
      String daddr, int dport, String protocol) implements Event {}

  /** rate_limit_info or process_throttle: events were dropped or throttled, a hole in the data. */
  record Gap(String node, Instant time, String what) implements Event {}
}
