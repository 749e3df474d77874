package dev.wraith.host;

import dev.wraith.model.Attributed;

/** One AI connection seen in one sample, with its owner (the process table entry). */
record Sighting(ProcessTable.Entry owner, long inode, String ip, int port, Attributed attribution) {
  /** One connection to an in-cluster address nothing attributed, with its owner, for the cluster layer to name. */
  record InCluster(ProcessTable.Entry owner, long inode, String ip, int port) {}
}
