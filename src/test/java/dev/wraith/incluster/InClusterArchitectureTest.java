package dev.wraith.incluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The in-cluster package sits beside the layers: it sees the model (Inventory, HostScan), the redactor and fabric8,
 * never a collector, a reporter, the orchestrator or the CLI; and nothing below the CLI depends on it.
 */
class InClusterArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.wraith");

  @Test
  void inClusterReachesOnlyTheModel() {
    noClasses().that().resideInAPackage("dev.wraith.incluster..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.wraith.cli..", "dev.wraith.scan..", "dev.wraith.code..",
            "dev.wraith.cluster..", "dev.wraith.host..", "dev.wraith.tetragon..", "dev.wraith.mcp..", "dev.wraith.report..",
            "dev.wraith.catalogue..", "dev.wraith.attribution..", "dev.wraith.correlate..", "dev.wraith.inventory..")
        .check(CLASSES);
  }

  @Test
  void onlyTheCliAndTheOrchestratorUseInCluster() {
    noClasses().that().resideOutsideOfPackages("dev.wraith.cli..", "dev.wraith.scan..", "dev.wraith.incluster..")
        .should().dependOnClassesThat().resideInAPackage("dev.wraith.incluster..")
        .check(CLASSES);
  }
}
