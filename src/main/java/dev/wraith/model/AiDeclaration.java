package dev.wraith.model;

import java.util.Comparator;
import java.util.Locale;

/**
 * Evidence in a workload's spec that it uses an AI service: an env var name the catalogue knows, an AI
 * endpoint in an env or ConfigMap value (scheme://host[:port][path] only), a model-server or vector-DB image,
 * or a ConfigMap key name. Evidence never contains a value that could be a credential.
 *
 * @param container the container it was found in, or "" for pod-level evidence
 */
public record AiDeclaration(Source source, String provider, String evidence, String container)
    implements Comparable<AiDeclaration> {

  /** Which part of the spec carried the evidence. */
  public enum Source {
    ENV_NAME, ENV_ENDPOINT, IMAGE, CONFIGMAP_ENDPOINT, HOST_ALIAS;

    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private static final Comparator<AiDeclaration> ORDER = Comparator.comparing(AiDeclaration::provider)
      .thenComparing(AiDeclaration::source).thenComparing(AiDeclaration::evidence).thenComparing(AiDeclaration::container);

  public AiDeclaration {
    if (source == null || provider == null || evidence == null || container == null) throw new NullPointerException();
  }

  @Override
  public int compareTo(AiDeclaration o) {
    return ORDER.compare(this, o);
  }
}
