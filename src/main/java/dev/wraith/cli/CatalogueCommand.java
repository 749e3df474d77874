package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Provider;
import dev.wraith.catalogue.Signature;
import dev.wraith.code.CodeScanner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wraith catalogue}: validates the catalogue (with an overlay) and lists what it knows. */
@Command(
    name = "catalogue",
    mixinStandardHelpOptions = true,
    description = {"Validates the detection catalogue, with your --catalogue overlay applied, and lists its entries.", ""},
    footer = {"", "Examples:", "  wraith catalogue", "  wraith catalogue --catalogue ./my-catalogue   check an overlay before using it",
        "  wraith catalogue --triggers      the prefilter's tokens (e.g. a grep baseline)"})
final class CatalogueCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().ok("the catalogue (and the overlay) is valid")
        .usage("the overlay is missing or invalid: each problem is named with its file");
  }

  @Mixin CatalogueOptions catalogue = new CatalogueOptions();

  @Option(names = "--triggers", description = "Print only the prefilter's trigger tokens, one per line, sorted: a source "
      + "file is parsed only if it contains one of them (ASCII case-insensitive).")
  boolean triggers;

  @Override
  public Integer call() {
    Catalogue c = catalogue.load();
    var out = System.out;
    if (triggers) {
      new java.util.TreeSet<>(CodeScanner.triggerTokens(c)).forEach(out::println);
      return Main.OK;
    }
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
    out.println();
    out.println("Secrets never printed (token shapes; plus key-like names, headers and flags):");
    for (var t : c.secrets().tokens()) out.printf("  %-28s %s%n", t.id(), t.name());
    return Main.OK;
  }
}
