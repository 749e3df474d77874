package dev.wraith;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point down: cli → scan → {code, report, state, ...} → redact → catalogue → model. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.wraith");

  @Test
  void modelImportsNothingOfOurs() {
    noClasses().that().resideInAPackage("dev.wraith.model..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.catalogue..", "dev.wraith.code..", "dev.wraith.scan..",
            "dev.wraith.report..", "dev.wraith.cli..", "dev.wraith.cluster..")
        .check(CLASSES);
  }

  @Test
  void catalogueDependsOnlyOnModel() {
    noClasses().that().resideInAPackage("dev.wraith.catalogue..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.code..", "dev.wraith.scan..", "dev.wraith.report..",
            "dev.wraith.cli..", "dev.wraith.cluster..")
        .check(CLASSES);
  }

  /** The one redactor sits just above the catalogue, so every layer, reporter and the state store may use it. */
  @Test
  void redactorDependsOnlyOnTheCatalogueAndTheModel() {
    noClasses().that().resideInAPackage("dev.wraith.redact..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.code..", "dev.wraith.scan..", "dev.wraith.report..",
            "dev.wraith.cli..", "dev.wraith.cluster..", "dev.wraith.host..", "dev.wraith.tetragon..", "dev.wraith.mcp..",
            "dev.wraith.attribution..", "dev.wraith.correlate..", "dev.wraith.state..", "dev.wraith.incluster..")
        .check(CLASSES);
    noClasses().that().resideInAnyPackage("dev.wraith.model..", "dev.wraith.catalogue..")
        .should().dependOnClassesThat().resideInAPackage("dev.wraith.redact..")
        .check(CLASSES);
  }

  @Test
  void layersAndReportsDoNotReachUp() {
    noClasses().that().resideInAnyPackage("dev.wraith.code..", "dev.wraith.report..", "dev.wraith.cluster..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.scan..", "dev.wraith.cli..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.wraith.report..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.code..", "dev.wraith.cluster..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.wraith.scan..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.cli..")
        .check(CLASSES);
  }

  @Test
  void collectorsDoNotImportEachOther() {
    noClasses().that().resideInAPackage("dev.wraith.cluster..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.code..", "dev.wraith.host..", "dev.wraith.tetragon..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.wraith.code..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.cluster..", "dev.wraith.host..", "dev.wraith.tetragon..")
        .check(CLASSES);
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

  @Test
  void hostLayerReachesDownOnly() {
    noClasses().that().resideInAPackage("dev.wraith.host..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.scan..", "dev.wraith.cli..", "dev.wraith.report..",
            "dev.wraith.code..", "dev.wraith.cluster..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.wraith.attribution..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.host..", "dev.wraith.scan..", "dev.wraith.cli..",
            "dev.wraith.report..", "dev.wraith.code..", "dev.wraith.cluster..")
        .check(CLASSES);
  }

  @Test
  void mcpLayerReachesDownOnlyAndReportersSeeOnlyItsModel() {
    noClasses().that().resideInAPackage("dev.wraith.mcp..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.scan..", "dev.wraith.cli..", "dev.wraith.report..",
            "dev.wraith.code..", "dev.wraith.cluster..", "dev.wraith.host..", "dev.wraith.attribution..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.wraith.report..")
        .should().dependOnClassesThat().resideInAPackage("dev.wraith.mcp..")
        .check(CLASSES);
  }

  private static final java.util.Set<String> TETRAGON_RECORDS = java.util.Set.of("TetragonScan", "TetragonObservation", "TetragonInCluster",
      "PodRef");

  @Test
  void correlationSeesOnlyRecords() {
    noClasses().that().resideInAPackage("dev.wraith.correlate..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.code..", "dev.wraith.cluster..", "dev.wraith.host..",
            "dev.wraith.mcp..", "dev.wraith.attribution..", "dev.wraith.scan..", "dev.wraith.cli..", "dev.wraith.report..")
        .check(CLASSES);
    // of the Tetragon layer, only its result records (they are the host layer's Observation plus pod and node)
    noClasses().that().resideInAPackage("dev.wraith.correlate..")
        .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("Tetragon internals",
            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().equals("dev.wraith.tetragon")
                && !TETRAGON_RECORDS.contains(c.getName().substring("dev.wraith.tetragon.".length()).split("\\$")[0])))
        .check(CLASSES);
    noClasses().that().resideInAnyPackage("dev.wraith.code..", "dev.wraith.cluster..", "dev.wraith.host..",
            "dev.wraith.tetragon..", "dev.wraith.mcp..", "dev.wraith.report..")
        .should().dependOnClassesThat().resideInAPackage("dev.wraith.correlate..")
        .check(CLASSES);
  }

  /** The only package that sends data over the network (opt-in): it knows JSON lines and HTTP, nothing of wraith. */
  @Test
  void deliveryDependsOnNothingOfOursAndOnlyCliUsesIt() {
    noClasses().that().resideInAPackage("dev.wraith.delivery..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.model..", "dev.wraith.scan..", "dev.wraith.cli..",
            "dev.wraith.report..", "dev.wraith.state..", "dev.wraith.catalogue..", "dev.wraith.correlate..")
        .check(CLASSES);
    noClasses().that().resideOutsideOfPackages("dev.wraith.delivery..", "dev.wraith.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.wraith.delivery..")
        .check(CLASSES);
  }

  @Test
  void stateDependsOnlyOnModel() {
    noClasses().that().resideInAPackage("dev.wraith.state..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.scan..", "dev.wraith.cli..", "dev.wraith.report..",
            "dev.wraith.code..", "dev.wraith.cluster..", "dev.wraith.host..", "dev.wraith.tetragon..", "dev.wraith.mcp..",
            "dev.wraith.attribution..", "dev.wraith.catalogue..", "dev.wraith.correlate..")
        .check(CLASSES);
    noClasses().that().resideInAnyPackage("dev.wraith.model..", "dev.wraith.code..", "dev.wraith.cluster..",
            "dev.wraith.host..", "dev.wraith.tetragon..", "dev.wraith.mcp..", "dev.wraith.report..")
        .should().dependOnClassesThat().resideInAPackage("dev.wraith.state..")
        .check(CLASSES);
  }

  /** The bounded readers sit at the bottom with the model: every layer may use them, they use nothing of ours. */
  @Test
  void filesImportsNothingOfOurs() {
    noClasses().that().resideInAPackage("dev.wraith.files..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.model..", "dev.wraith.catalogue..", "dev.wraith.code..",
            "dev.wraith.scan..", "dev.wraith.report..", "dev.wraith.cli..", "dev.wraith.cluster..", "dev.wraith.host..",
            "dev.wraith.tetragon..", "dev.wraith.mcp..", "dev.wraith.correlate..", "dev.wraith.state..",
            "dev.wraith.incluster..", "dev.wraith.attribution..")
        .check(CLASSES);
  }

  @Test
  void onlyMainExits() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.wraith.cli.Main")
        .should().callMethod(System.class, "exit", int.class)
        .check(CLASSES);
  }
}
