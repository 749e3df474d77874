/**
 * The host layer: reads processes, sockets (per network namespace) and cgroups through the {@link
 * dev.wraith.host.ProcFs} port, and samples them over a window to see which process talks to which AI
 * destination, from which pod and container, and whether it was exec'd into its container.
 */
package dev.wraith.host;
