package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.CatalogueLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --catalogue: the user's overlay on the bundled detection catalogue. */
final class CatalogueOptions {
  @Option(names = "--catalogue", paramLabel = "DIR", defaultValue = "${env:WRAITH_CATALOGUE}",
      description = "Directory of YAML files that add to, replace (same id) or disable (disable: [id]) bundled "
          + "catalogue entries. Env: WRAITH_CATALOGUE.")
  Path overlay;

  Catalogue load() {
    return CatalogueLoader.load(overlay);
  }
}
