/**
 * The Kubernetes layer: reads pods, workloads, services, RBAC, events and ConfigMap key names through the
 * {@link dev.wraith.cluster.KubeApi} port (a live fabric8 client or offline snapshots) plus audit logs, and rolls
 * them up into AI workloads with lineage, reach and exec sessions. Never reads Secret data.
 */
package dev.wraith.cluster;
