package dev.wraith.report;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.catalogue.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Catalogue provider id → the OpenTelemetry GenAI {@code gen_ai.provider.name} value the catalogue gives it
 * ({@code genAiProvider}). Reporters built without a catalogue use the bundled one's.
 */
public record GenAiNames(Map<String, String> byProvider) {
  public GenAiNames {
    byProvider = Map.copyOf(byProvider);
  }

  public static GenAiNames of(Catalogue catalogue) {
    Map<String, String> m = new TreeMap<>();
    for (Provider p : catalogue.providers()) if (!p.genAiProvider().isEmpty()) m.put(p.id(), p.genAiProvider());
    return new GenAiNames(m);
  }

  /** The bundled catalogue's names, loaded once. */
  public static GenAiNames bundled() {
    return Bundled.NAMES;
  }

  public Optional<String> of(String providerId) {
    return Optional.ofNullable(byProvider.get(providerId));
  }

  private static final class Bundled {
    static final GenAiNames NAMES = GenAiNames.of(CatalogueLoader.bundled());
  }
}
