/**
 * The state database: an SQLite file (schema by Flyway) that remembers every scan, every agent's first and last
 * sightings, its classification history and MCP tool hashes, so later scans can tell ZOMBIE, NEW and CHANGED.
 * Depends on {@code model} only; each write is one transaction, so a killed scan leaves the previous state intact.
 */
package dev.wraith.state;
