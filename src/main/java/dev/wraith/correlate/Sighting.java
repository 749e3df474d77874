package dev.wraith.correlate;

import dev.wraith.model.Observation;

/**
 * One runtime layer's observation of a process talking to an AI destination, placed: which layer saw it and on
 * which node (host layer: the scanning host; Tetragon: the event's node).
 */
record Sighting(String layer, String node, Observation observation) {}
