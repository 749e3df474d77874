package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.List;
import java.util.Optional;

/**
 * Whether a pod's containers hold its service account's token, and why: a projected serviceAccountToken
 * volume always does; otherwise the pod's {@code automountServiceAccountToken} wins over the ServiceAccount's,
 * and the Kubernetes default is true. RBAC reach only matters inside the pod when the token is there, so
 * each RBAC reason says which case applies.
 *
 * @param mounted whether the token is (or may be) in the pod
 * @param how a short explanation for the report
 */
record TokenMount(boolean mounted, String how) {
  /**
   * @param account the pod's ServiceAccount, or empty when it was not read
   * @param accountsReadable whether ServiceAccounts could be listed at all
   */
  static TokenMount of(PodSpec spec, Optional<ServiceAccount> account, boolean accountsReadable) {
    Optional<String> projected = projectedTokenVolume(spec);
    if (projected.isPresent()) return new TokenMount(true, "token mounted by projected volume " + projected.get());
    if (spec.getAutomountServiceAccountToken() != null) {
      return spec.getAutomountServiceAccountToken() ? new TokenMount(true, "token automounted (pod spec)")
          : new TokenMount(false, "token not automounted (pod spec)");
    }
    Boolean fromAccount = account.map(ServiceAccount::getAutomountServiceAccountToken).orElse(null);
    if (fromAccount != null) {
      return fromAccount ? new TokenMount(true, "token automounted (ServiceAccount)")
          : new TokenMount(false, "token not automounted (ServiceAccount)");
    }
    if (!accountsReadable) return new TokenMount(true, "token automounted unless the ServiceAccount opts out (not readable)");
    return new TokenMount(true, "token automounted (default)");
  }

  /** The reach reason's detail with this token's state appended. */
  String annotate(String detail) {
    return detail + "; " + how;
  }

  private static Optional<String> projectedTokenVolume(PodSpec spec) {
    for (Volume v : spec.getVolumes() == null ? List.<Volume>of() : spec.getVolumes()) {
      if (v.getProjected() == null || v.getProjected().getSources() == null) continue;
      for (VolumeProjection p : v.getProjected().getSources()) {
        // kube-api-access-* is what the automount itself adds; only a hand-written projection is evidence
        if (p.getServiceAccountToken() != null && !v.getName().startsWith("kube-api-access-")) return Optional.of(v.getName());
      }
    }
    return Optional.empty();
  }
}
