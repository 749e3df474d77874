/**
 * The kernel layer: Cilium Tetragon events (exec, exit, tcp_connect kprobes) read through the {@link
 * dev.wraith.tetragon.EventSource} port, from the JSON export or the live gRPC stream (our own proto subset in
 * {@code dev.wraith.tetragon.api}, generated at build time), turned into per-node process trees, and aggregated
 * into one observation per (process, AI destination). Both readers make the same events of the same stream.
 * Exec'd, probe and node processes are told apart; destinations are attributed by the shared {@link
 * dev.wraith.attribution.Attributor}. Unreadable lines, rate-limit events and a dropped stream are warnings in
 * the layer status, never fatal and never silent. {@link dev.wraith.tetragon.TetragonLayer} is the entry point.
 */
package dev.wraith.tetragon;
