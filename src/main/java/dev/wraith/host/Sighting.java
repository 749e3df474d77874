package dev.wraith.host;

import dev.wraith.model.Attributed;

/** One AI connection seen in one sample, with its owner (the process table entry). */
record Sighting(ProcessTable.Entry owner, long inode, String ip, int port, Attributed attribution) {}
