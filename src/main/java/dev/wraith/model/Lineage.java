package dev.wraith.model;

import java.util.Locale;

/**
 * Who put a workload in the cluster, as far as the API objects tell. GITOPS and HELM have a manifest
 * somewhere; MANUAL was applied by hand (kubectl apply/create/run); BARE_POD and STATIC_POD have no
 * controller; OPERATOR is owned by a custom resource; UNKNOWN has a controller but no manager marker.
 */
public enum Lineage {
  GITOPS, HELM, OPERATOR, MANUAL, BARE_POD, STATIC_POD, UNKNOWN;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True when no manifest or release stands behind the workload. */
  public boolean unmanaged() {
    return this == MANUAL || this == BARE_POD || this == STATIC_POD;
  }
}
