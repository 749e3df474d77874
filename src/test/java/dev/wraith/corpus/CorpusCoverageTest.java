package dev.wraith.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.cli.Main;
import dev.wraith.delivery.Sink;
import dev.wraith.host.ebpf.ProbeMode;
import dev.wraith.redact.Redactor;
import dev.wraith.report.CycloneDxVersion;
import dev.wraith.scan.Registry;
import dev.wraith.state.StateLocation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Adding an output path without adding it to the planted-secrets corpus is hard: every CLI command is run by the corpus
 * or listed as not run with a reason, every command with --format is run in each format its reporters offer, every
 * reporter list of the Registry is known to the corpus, and every reporter class is in one of them (or is used
 * directly by a command the corpus runs).
 */
class CorpusCoverageTest {
  private static final Redactor R = Redactor.bundled();

  @Test
  void everyCommandIsRunOrExcusedAndEveryFormatOptionIsCovered() {
    CommandLine cli = Main.complete();
    Set<String> commands = new TreeSet<>(cli.getSubcommands().keySet());
    Set<String> known = new TreeSet<>(Exercised.FORMATS.keySet());
    known.addAll(Exercised.NOT_RUN.keySet());
    assertThat(known).as("commands the corpus runs or excuses").isEqualTo(commands);
    for (String name : Exercised.FORMATS.keySet()) {
      boolean hasFormat = cli.getSubcommands().get(name).getCommandSpec().findOption("--format") != null;
      assertThat(!Exercised.FORMATS.get(name).isEmpty()).as(name + ": formats listed exactly when it has --format")
          .isEqualTo(hasFormat);
    }
  }

  @Test
  void theCorpusRunsEveryFormatTheRegistryOffers() {
    var cat = CatalogueLoader.bundled();
    assertThat(formats(Registry.reporters(cat).stream().map(r -> r.format()).toList())).isEqualTo(runs("scan"));
    assertThat(formats(Registry.clusterReporters(R).stream().map(r -> r.format()).toList())).isEqualTo(runs("cluster"));
    assertThat(formats(Registry.sensorReporters(false, R).stream().map(r -> r.format()).toList())).isEqualTo(runs("sensor"));
    assertThat(formats(Registry.mcpReporters(R).stream().map(r -> r.format()).toList())).isEqualTo(runs("mcp"));
    assertThat(formats(Registry.tetragonReporters(R).stream().map(r -> r.format()).toList())).isEqualTo(runs("tetragon"));
    assertThat(Exercised.resultFiles()).contains("inventory.json", "report.md", "report.html", "aibom.cdx.json", "code.sarif");
  }

  @Test
  void everyReporterListAndEveryReporterClassIsKnownToTheCorpus() throws Exception {
    Set<String> lists = new TreeSet<>();
    for (Method m : Registry.class.getMethods()) {
      if ((Modifier.isStatic(m.getModifiers()) && m.getReturnType() == List.class && m.getName().endsWith("Reporters"))
          || m.getName().equals("reporters")) {
        lists.add(m.getName());
      }
    }
    assertThat(lists).as("Registry reporter lists the corpus runs").isEqualTo(new TreeSet<>(Exercised.REPORTER_LISTS));
    Set<String> registered = new HashSet<>();
    var cat = CatalogueLoader.bundled();
    List<Object> all = new ArrayList<>();
    all.addAll(Registry.reporters(cat));
    all.addAll(Registry.clusterReporters(R));
    all.addAll(Registry.sensorReporters(false, R));
    all.addAll(Registry.mcpReporters(R));
    all.addAll(Registry.tetragonReporters(R));
    all.addAll(Registry.inventoryReporters(R));
    for (Object o : all) registered.add(o.getClass().getSimpleName());
    registered.addAll(Exercised.DIRECT_REPORTERS.keySet());
    Set<String> reporterClasses = new TreeSet<>();
    for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.wraith.report")) {
      if (c.isInterface() || c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)) continue;
      if (c.getSimpleName().endsWith("Reporter")) reporterClasses.add(c.getSimpleName());
    }
    assertThat(registered).as("reporter classes the corpus exercises").containsAll(reporterClasses);
  }

  /**
   * Every way an output is chosen beyond --format is run too: each probe mode but auto (which is one of them), each
   * CycloneDX version, each OCSF delivery sink and body, each kind of state database.
   */
  @Test
  void everyProbeModeCycloneDxVersionDeliverySinkAndStateKindIsRun() {
    Set<String> probes = new TreeSet<>();
    for (ProbeMode m : ProbeMode.values()) if (m != ProbeMode.AUTO) probes.add(m.name().toLowerCase(java.util.Locale.ROOT));
    assertThat(new TreeSet<>(Exercised.PROBE_MODES)).isEqualTo(probes);
    assertThat(new TreeSet<>(Exercised.CDX_VERSIONS)).isEqualTo(new TreeSet<>(
        java.util.Arrays.stream(CycloneDxVersion.values()).map(CycloneDxVersion::text).toList()));
    assertThat(new TreeSet<>(Exercised.OCSF_BODIES)).isEqualTo(new TreeSet<>(
        java.util.Arrays.stream(Sink.Body.values()).map(b -> b.name().toLowerCase(java.util.Locale.ROOT)).toList()));
    assertThat(new TreeSet<>(Exercised.OCSF_SINKS)).isEqualTo(simpleNames(Sink.class.getPermittedSubclasses()));
    assertThat(new TreeSet<>(Exercised.STATE_KINDS)).isEqualTo(simpleNames(StateLocation.class.getPermittedSubclasses()));
  }

  private static Set<String> simpleNames(Class<?>[] classes) {
    Set<String> out = new TreeSet<>();
    for (Class<?> c : classes) out.add(c.getSimpleName());
    return out;
  }

  private static Set<String> formats(List<String> f) {
    return new TreeSet<>(f);
  }

  private static Set<String> runs(String command) {
    return new TreeSet<>(Exercised.FORMATS.get(command));
  }
}
