/**
 * wraith inside the cluster: the scanner loop that publishes an {@code Inventory} as AgentReport and
 * ClusterAgentSummary objects and Prometheus metrics, and the collection of node sensors' observations over the pod
 * network (never exec). Reaches the API server only through the {@link dev.wraith.incluster.ReportStore} and
 * {@link dev.wraith.incluster.SensorPods} ports.
 */
package dev.wraith.incluster;
