package dev.wraith.cli;

import dev.wraith.cluster.InformerKubeApi;
import dev.wraith.incluster.LeaderElection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import picocli.CommandLine.Option;

/** The operator at cluster scale: informer caches instead of re-lists, leader election, OpenReports. */
final class OperatorScaleOptions {
  @Option(names = "--informers", arity = "1", paramLabel = "true|false", defaultValue = "${env:WRAITH_INFORMERS:-true}",
      description = "Keep the cluster in informer caches (one list, then watches) and scan from them, instead of "
          + "listing every resource each cycle. A cache not synced or whose watch is down makes the cluster layer "
          + "partial (failed for pods), as a failed list does. Default: ${DEFAULT-VALUE}. Env: WRAITH_INFORMERS.")
  boolean informers = true;

  @Option(names = "--relist-every", paramLabel = "DURATION", defaultValue = "${env:WRAITH_RELIST_EVERY:-1h}",
      description = "With --informers: rebuild each cache from a full list at least this often. "
          + "Default: ${DEFAULT-VALUE}. Env: WRAITH_RELIST_EVERY.")
  String relistEvery = "1h";

  @Option(names = "--leader-election", arity = "1", paramLabel = "true|false",
      defaultValue = "${env:WRAITH_LEADER_ELECTION:-true}",
      description = "Only the replica holding the Lease --lease-name scans and publishes; the others stand by and take "
          + "over when its lease expires (or at once when it shuts down). Not used with --once. "
          + "Default: ${DEFAULT-VALUE}. Env: WRAITH_LEADER_ELECTION.")
  boolean leaderElection = true;

  @Option(names = "--lease-name", paramLabel = "NAME", defaultValue = "${env:WRAITH_LEASE_NAME:-wraith-scanner}",
      description = "Name of the coordination.k8s.io Lease. Default: ${DEFAULT-VALUE}. Env: WRAITH_LEASE_NAME.")
  String leaseName = "wraith-scanner";

  @Option(names = "--lease-namespace", paramLabel = "NS",
      defaultValue = "${env:WRAITH_LEASE_NAMESPACE:-${env:POD_NAMESPACE:-wraith-system}}",
      description = "Namespace of the Lease: the scanner's own. Default: ${DEFAULT-VALUE} (the pod's namespace from "
          + "POD_NAMESPACE when set). Env: WRAITH_LEASE_NAMESPACE.")
  String leaseNamespace = "wraith-system";

  @Option(names = "--lease-duration", paramLabel = "DURATION", defaultValue = "${env:WRAITH_LEASE_DURATION:-15s}",
      description = "How long a lease holds without renewal; a follower takes over at most this long (plus a retry) "
          + "after the leader stopped renewing. Default: ${DEFAULT-VALUE}. Env: WRAITH_LEASE_DURATION.")
  String leaseDuration = "15s";

  @Option(names = "--openreports", arity = "1", paramLabel = "true|false", defaultValue = "${env:WRAITH_OPENREPORTS:-true}",
      description = "Also publish OpenReports (openreports.io/v1alpha1): a Report per namespace with agents and a "
          + "ClusterReport for node processes, for policy dashboards. Skipped with a note when the CRDs are not "
          + "installed. Default: ${DEFAULT-VALUE}. Env: WRAITH_OPENREPORTS.")
  boolean openReports = true;

  InformerKubeApi.Settings informerSettings() {
    Duration relist = OperatorCommand.parseDuration("--relist-every", relistEvery, Duration.ofMinutes(1));
    return new InformerKubeApi.Settings(InformerKubeApi.Settings.DEFAULT.syncTimeout(), relist,
        InformerKubeApi.Settings.DEFAULT.watchGrace());
  }

  LeaderElection.Settings electionSettings() {
    Duration lease = OperatorCommand.parseDuration("--lease-duration", leaseDuration, Duration.ofSeconds(2));
    return new LeaderElection.Settings(leaseNamespace, leaseName, identity(), lease);
  }

  /** The pod's name (POD_NAME, else the host name) and a random suffix, so two processes never share an identity. */
  private static String identity() {
    String pod = System.getenv("POD_NAME");
    if (pod == null || pod.isBlank()) {
      try {
        pod = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        pod = "wraith";
      }
    }
    return pod + "_" + UUID.randomUUID().toString().substring(0, 8);
  }
}
