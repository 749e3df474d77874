package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Provider;
import dev.wraith.catalogue.Signature;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wraith catalogue}: validates the catalogue (with an overlay) and lists what it knows. */
@Command(
    name = "catalogue",
    mixinStandardHelpOptions = true,
    description = {"Validates the detection catalogue, with your --catalogue overlay applied, and lists its entries.", ""},
    footer = {"", "Examples:", "  wraith catalogue", "  wraith catalogue --catalogue ./my-catalogue    check an overlay before using it"})
final class CatalogueCommand implements Callable<Integer> {
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();

  @Override
  public Integer call() {
    Catalogue c = catalogue.load();
    var out = System.out;
    out.printf("catalogue %s (schema %d): %d providers, %d SDK/framework signatures%n%n", c.version(), c.schema(),
        c.providers().size(), c.signatures().size());
    out.println("Providers:");
    for (Provider p : c.providers()) {
      out.printf("  %-22s %-13s %s%n", p.id(), p.category().id(),
          String.join(" ", p.hosts().stream().map(Object::toString).toList()));
    }
    out.println();
    out.println("SDKs and frameworks:");
    for (Signature s : c.signatures()) {
      out.printf("  %-28s %-9s %-5s %d symbols  %s%n", s.id(), s.type().name().toLowerCase(java.util.Locale.ROOT),
          s.ecosystem().id(), s.symbols().size(), String.join(" ", s.packages()));
    }
    return Main.OK;
  }
}
