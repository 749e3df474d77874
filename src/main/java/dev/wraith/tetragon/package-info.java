/**
 * The kernel layer: Cilium Tetragon events (exec, exit, tcp_connect kprobes) read through the {@link
 * dev.wraith.tetragon.EventSource} port, turned into per-node process trees, and aggregated into one
 * observation per (process, AI destination). Exec'd, probe and node processes are told apart; destinations are
 * attributed by the shared {@link dev.wraith.attribution.Attributor}. Lines that cannot be read and rate-limit
 * events are warnings in the layer status, never fatal and never silent.
 */
package dev.wraith.tetragon;
