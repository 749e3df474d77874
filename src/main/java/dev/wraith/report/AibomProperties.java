package dev.wraith.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.cyclonedx.model.Property;

/**
 * Properties under the {@code wraith:} namespace (and a few OpenTelemetry names), in insertion order. CycloneDX allows a name to repeat, which is
 * how lists (reasons, reach, evidence) are carried; empty values are dropped so absent facts leave no noise.
 */
final class AibomProperties {
  static final String NS = "wraith:";
  private final List<Property> list = new ArrayList<>();

  AibomProperties add(String name, String value) {
    if (value == null || value.isEmpty()) return this;
    Property p = new Property();
    p.setName(NS + name);
    p.setValue(value);
    list.add(p);
    return this;
  }

  /** A property under an OpenTelemetry semantic-convention name ({@code gen_ai.provider.name}), not namespaced. */
  AibomProperties otel(String name, String value) {
    if (value == null || value.isEmpty()) return this;
    Property p = new Property();
    p.setName(name);
    p.setValue(value);
    list.add(p);
    return this;
  }

  AibomProperties addAll(String name, Collection<String> values) {
    values.forEach(v -> add(name, v));
    return this;
  }

  /** The properties, or null when there are none (so the generator omits the key). */
  List<Property> build() {
    return list.isEmpty() ? null : List.copyOf(list);
  }
}
