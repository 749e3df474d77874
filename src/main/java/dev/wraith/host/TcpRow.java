package dev.wraith.host;

import java.net.InetAddress;

/**
 * One row of /proc/PID/net/tcp or tcp6. {@code state} uses the kernel's numbers (1 ESTABLISHED, 2 SYN_SENT,
 * 6 TIME_WAIT, 10 LISTEN, ...); {@code inode} 0 means no process owns the socket any more.
 */
record TcpRow(InetAddress localIp, int localPort, InetAddress remoteIp, int remotePort, int state, int uid, long inode) {
  static final int ESTABLISHED = 1, SYN_SENT = 2, FIN_WAIT1 = 4, FIN_WAIT2 = 5, TIME_WAIT = 6, CLOSE_WAIT = 8, LISTEN = 10;

  /** A socket of a live outgoing or established connection, which a process still holds. */
  boolean isOpenConnection() {
    return state == ESTABLISHED || state == SYN_SENT || state == FIN_WAIT1 || state == FIN_WAIT2 || state == CLOSE_WAIT;
  }

  String stateName() {
    return switch (state) {
      case ESTABLISHED -> "established";
      case SYN_SENT -> "syn-sent";
      case FIN_WAIT1 -> "fin-wait1";
      case FIN_WAIT2 -> "fin-wait2";
      case TIME_WAIT -> "time-wait";
      case CLOSE_WAIT -> "close-wait";
      case LISTEN -> "listen";
      default -> "state-" + state;
    };
  }
}
