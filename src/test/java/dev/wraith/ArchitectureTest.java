package dev.wraith;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point down: cli → scan → {code, report, state, ...} → redact → catalogue → model. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.wraith");

  /**
   * The whole layering, once: each package is one layer and may use only the layers listed for it. Collectors
   * ({@code code}, {@code cluster}, {@code host}, {@code tetragon}, {@code mcp}) never use each other; what host and
   * Tetragon share sits below both ({@code cmdline}, {@code attribution}); correlation, the reporters and the state
   * store see records ({@code model}), never a collector; only the CLI delivers; every class is in a layer.
   */
  @Test
  void dependenciesPointDown() {
    layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.wraith..")
        .layer("model").definedBy("dev.wraith.model..")
        .layer("files").definedBy("dev.wraith.files..")
        .layer("cmdline").definedBy("dev.wraith.cmdline..")
        .layer("catalogue").definedBy("dev.wraith.catalogue..")
        .layer("redact").definedBy("dev.wraith.redact..")
        .layer("attribution").definedBy("dev.wraith.attribution..")
        .layer("code").definedBy("dev.wraith.code..")
        .layer("cluster").definedBy("dev.wraith.cluster..")
        .layer("host").definedBy("dev.wraith.host..")
        .layer("tetragon").definedBy("dev.wraith.tetragon..")
        .layer("mcp").definedBy("dev.wraith.mcp..")
        .layer("correlate").definedBy("dev.wraith.correlate..")
        .layer("state").definedBy("dev.wraith.state..")
        .layer("report").definedBy("dev.wraith.report..")
        .layer("delivery").definedBy("dev.wraith.delivery..")
        .layer("incluster").definedBy("dev.wraith.incluster..")
        .layer("scan").definedBy("dev.wraith.scan..")
        .layer("cli").definedBy("dev.wraith.cli..")
        .ensureAllClassesAreContainedInArchitecture()
        .whereLayer("model").mayNotAccessAnyLayer()
        .whereLayer("files").mayNotAccessAnyLayer()
        .whereLayer("cmdline").mayNotAccessAnyLayer()
        .whereLayer("catalogue").mayOnlyAccessLayers("model", "files")
        .whereLayer("redact").mayOnlyAccessLayers("catalogue", "model", "files")
        .whereLayer("attribution").mayOnlyAccessLayers(BASE)
        .whereLayer("code").mayOnlyAccessLayers(BASE)
        .whereLayer("cluster").mayOnlyAccessLayers(BASE)
        .whereLayer("host").mayOnlyAccessLayers(plus(BASE, "cmdline", "attribution"))
        .whereLayer("tetragon").mayOnlyAccessLayers(plus(BASE, "cmdline", "attribution"))
        .whereLayer("mcp").mayOnlyAccessLayers(BASE)
        .whereLayer("correlate").mayOnlyAccessLayers(BASE)
        .whereLayer("state").mayOnlyAccessLayers("model", "files", "redact")
        .whereLayer("report").mayOnlyAccessLayers(plus(BASE, "attribution"))
        .whereLayer("delivery").mayOnlyAccessLayers("redact")
        .whereLayer("incluster").mayOnlyAccessLayers("model", "files", "redact")
        .whereLayer("scan").mayOnlyAccessLayers(plus(BASE, "cmdline", "attribution", "code", "cluster", "host", "tetragon",
            "mcp", "correlate", "state", "report", "incluster"))
        .whereLayer("cli").mayOnlyAccessLayers(plus(BASE, "cmdline", "attribution", "code", "cluster", "host", "tetragon",
            "mcp", "correlate", "state", "report", "delivery", "incluster", "scan"))
        .check(CLASSES);
  }

  /** What every layer above the catalogue may use: the records, the bounded readers, the catalogue, the redactor. */
  private static final String[] BASE = {"model", "files", "catalogue", "redact"};

  private static String[] plus(String[] base, String... more) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
        .toArray(String[]::new);
  }

  @Test
  void languageDetectorsDoNotImportEachOther() {
    String[] langs = {"python", "javascript", "java", "go", "manifest", "deploy", "notebook", "component", "config"};
    for (String a : langs) {
      for (String b : langs) {
        if (a.equals(b)) continue;
        noClasses().that().resideInAPackage("dev.wraith.code." + a + "..")
            .should().dependOnClassesThat().resideInAPackage("dev.wraith.code." + b + "..")
            .allowEmptyShould(true)
            .check(CLASSES);
      }
    }
  }

  /** One JSON library in wraith's own code (Jackson 2); fabric8 keeps the Jackson 3 it brings to itself. */
  @Test
  void oneJsonLibrary() {
    noClasses().that().resideInAPackage("dev.wraith..")
        .should().dependOnClassesThat().resideInAPackage("tools.jackson..")
        .check(CLASSES);
  }

  @Test
  void onlyMainExits() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.wraith.cli.Main")
        .should().callMethod(System.class, "exit", int.class)
        .check(CLASSES);
  }
}
