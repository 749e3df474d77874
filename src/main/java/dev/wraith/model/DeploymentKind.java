package dev.wraith.model;

import java.util.Locale;

/** Where a deployment identity was declared. */
public enum DeploymentKind {
  DOCKERFILE, KUBERNETES, HELM, KUSTOMIZE, COMPOSE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
