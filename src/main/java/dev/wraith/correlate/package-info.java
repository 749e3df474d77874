/**
 * Correlation: joins code agents and runtime subjects (host, Tetragon, cluster) by identity — entry script, workload
 * declared by a manifest, image built by the scanned repos — and classifies, rates and explains each agent. Pure
 * functions of records: no I/O, no clock; the caller hands in the scan time, prior state and file hashes.
 */
package dev.wraith.correlate;
