/**
 * Maps a destination IP:port to a catalogue provider and says how (operator pin, hosts file, DNS cache,
 * published range, model-server port). Shared by every runtime layer; never blocks on DNS.
 */
package dev.wraith.attribution;
