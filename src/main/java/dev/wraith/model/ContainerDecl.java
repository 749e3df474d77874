package dev.wraith.model;

import java.util.List;
import java.util.Locale;

/**
 * One container as a pod spec declares it. Never holds a secret value: environment variables are names only,
 * secret references are "secret-name/key" names, and the command line is redacted before it gets here.
 *
 * @param command program and arguments joined by spaces, with credential-looking values replaced by "***"
 * @param envVars names of the variables it sets directly or through secretKeyRef/configMapKeyRef
 * @param secretRefs "secret/key" for secretKeyRef, "secret/*" for envFrom secretRef (names only)
 * @param configMapRefs "configmap/key" for configMapKeyRef, "configmap/*" for envFrom configMapRef
 */
public record ContainerDecl(
    String name,
    Kind kind,
    String image,
    String command,
    List<String> envVars,
    List<String> secretRefs,
    List<String> configMapRefs,
    List<Integer> ports) {

  /** Where in the pod spec the container sits; EPHEMERAL is one added later by {@code kubectl debug}. */
  public enum Kind {
    CONTAINER, INIT, EPHEMERAL;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ContainerDecl {
    if (name == null || kind == null || image == null || command == null) throw new NullPointerException("container fields are never null");
    envVars = List.copyOf(envVars);
    secretRefs = List.copyOf(secretRefs);
    configMapRefs = List.copyOf(configMapRefs);
    ports = List.copyOf(ports);
  }
}
