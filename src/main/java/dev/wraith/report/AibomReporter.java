package dev.wraith.report;

import dev.wraith.redact.Redactor;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.CodeRef;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ModelUse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.LifecycleChoice;
import org.cyclonedx.model.Lifecycles;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Service;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * {@code aibom.cdx.json}: the inventory as a CycloneDX 1.6 AI bill of materials. Agents are application components,
 * AI frameworks and SDKs from lockfiles are library components with purls, literal model names are
 * machine-learning-model components, providers, vector stores and MCP servers are services with endpoints, and the
 * dependency graph says which agent uses what. The only time is the scan time; the serial number is a UUID derived
 * from the rest of the document, so the same inventory always gives the same bytes.
 */
public final class AibomReporter implements InventoryReporter {
  /** The bom-ref of {@code metadata.component}, the scanned estate every agent hangs off. */
  static final String ROOT_REF = "inventory";

  private final Redactor redactor;

  /** Redacting with the bundled catalogue's rules. */
  public AibomReporter() {
    this(Redactor.bundled());
  }

  /** @param redactor every string of the document goes through it (the catalogue's, overlay included) */
  public AibomReporter(Redactor redactor) {
    this.redactor = redactor;
  }

  @Override
  public String fileName() {
    return "aibom.cdx.json";
  }

  @Override
  public void write(Inventory inventory, Optional<CodeScan> code, OutputStream out) throws IOException {
    Bom bom = bom(inventory, code);
    String unsigned = redacted(json(bom));
    bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(unsigned.getBytes(StandardCharsets.UTF_8)));
    out.write(redacted(json(bom)).getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    out.flush();
  }

  static Bom bom(Inventory inventory, Optional<CodeScan> code) {
    Bom bom = new Bom();
    bom.setVersion(1);
    bom.setMetadata(metadata(inventory));
    List<AibomLibraries.Library> libraries = AibomLibraries.from(code.map(CodeScan::findings).orElse(List.of()));
    List<ModelUse> modelUses = code.map(CodeScan::models).orElse(List.of());
    List<Component> components = new ArrayList<>();
    inventory.agents().forEach(a -> components.add(AibomComponents.agent(a)));
    libraries.forEach(l -> components.add(l.component()));
    components.addAll(AibomComponents.models(modelUses));
    components.sort(java.util.Comparator.comparing(Component::getBomRef));
    bom.setComponents(components);
    List<Service> services = new ArrayList<>(AibomServices.providers(inventory, code));
    services.addAll(AibomServices.mcpServers(inventory));
    bom.setServices(services);
    bom.setDependencies(dependencies(inventory, libraries, modelUses));
    return bom;
  }

  private static Metadata metadata(Inventory inventory) {
    Metadata m = new Metadata();
    m.setTimestamp(Date.from(inventory.scanTime()));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName(inventory.tool().name());
    tool.setVersion(inventory.tool().version());
    tool.setProperties(new AibomProperties().add("catalogue:version", inventory.tool().catalogueVersion())
        .add("catalogue:schema", String.valueOf(inventory.tool().catalogueSchema())).build());
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    m.setToolChoice(tools);
    m.setLifecycles(lifecycles(inventory));
    Component estate = new Component();
    estate.setType(Component.Type.APPLICATION);
    estate.setBomRef(ROOT_REF);
    estate.setName("AI agent inventory");
    estate.setDescription(inventory.roots().isEmpty() ? "AI agents found by wraith"
        : "AI agents found by wraith in " + String.join(", ", inventory.roots()) + " and at runtime");
    m.setComponent(estate);
    AibomProperties p = new AibomProperties().add("inventory:schema", String.valueOf(Inventory.SCHEMA_VERSION))
        .addAll("root", inventory.roots());
    inventory.summary().forEach((c, n) -> p.add("summary:" + c.name(), String.valueOf(n)));
    for (LayerStatus l : inventory.layers()) {
      p.add("layer:" + l.layer(), l.state().id() + (l.reason().isEmpty() ? "" : ": " + l.reason()));
      l.warnings().forEach(w -> p.add("layer:" + l.layer() + ":warning", w));
    }
    m.setProperties(p.build());
    return m;
  }

  /** pre-build when source code was scanned, discovery when a runtime layer (cluster, host, ...) ran. */
  private static Lifecycles lifecycles(Inventory inventory) {
    boolean code = false;
    boolean runtime = false;
    for (LayerStatus l : inventory.layers()) {
      if (l.state() != LayerStatus.State.RAN && l.state() != LayerStatus.State.PARTIAL) continue;
      if (l.layer().equals("code")) code = true;
      else runtime = true;
    }
    List<LifecycleChoice> phases = new ArrayList<>();
    if (code) phases.add(phase(LifecycleChoice.Phase.PRE_BUILD));
    if (runtime) phases.add(phase(LifecycleChoice.Phase.DISCOVERY));
    if (phases.isEmpty()) return null;
    Lifecycles l = new Lifecycles();
    l.setLifecycleChoice(phases);
    return l;
  }

  private static LifecycleChoice phase(LifecycleChoice.Phase phase) {
    LifecycleChoice c = new LifecycleChoice();
    c.setPhase(phase);
    return c;
  }

  private static List<Dependency> dependencies(Inventory inventory, List<AibomLibraries.Library> libraries,
      List<ModelUse> models) {
    List<Dependency> out = new ArrayList<>();
    Dependency root = new Dependency(ROOT_REF);
    inventory.agents().stream().map(AibomComponents::agentRef).sorted().forEach(r -> root.addDependency(new Dependency(r)));
    out.add(root);
    for (InventoryAgent a : inventory.agents()) {
      SortedSet<String> uses = new TreeSet<>();
      a.providers().forEach(p -> uses.add(AibomServices.providerRef(p)));
      for (Connection c : a.connections()) uses.add(AibomServices.connectionRef(c));
      for (AibomLibraries.Library l : libraries) {
        if (l.directories().stream().anyMatch(d -> a.code().stream().anyMatch(r -> under(r.path(), d)))) {
          uses.add(l.component().getBomRef());
        }
      }
      for (ModelUse m : models) {
        if (a.code().stream().map(CodeRef::path).anyMatch(m.location().path()::equals)) {
          uses.add(AibomComponents.modelRef(m.model()));
        }
      }
      Dependency d = new Dependency(AibomComponents.agentRef(a));
      uses.forEach(u -> d.addDependency(new Dependency(u)));
      out.add(d);
    }
    out.sort(java.util.Comparator.comparing(Dependency::getRef));
    return out;
  }

  private static boolean under(String path, String directory) {
    return directory.isEmpty() || path.startsWith(directory + "/");
  }

  /**
   * The library writes the document; every string in it then goes through the redactor, re-written with the same
   * two-space layout, so what the BOM shows never depends on a collector having redacted it.
   */
  private String redacted(String json) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode tree = dev.wraith.redact.RedactingModule.redactTree(m.readTree(json), redactor);
    var layout = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter();
    layout.indentArraysWith(com.fasterxml.jackson.core.util.DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    return m.writer(layout).writeValueAsString(tree);
  }

  private static String json(Bom bom) throws IOException {
    try {
      return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
    } catch (GeneratorException e) {
      throw new IOException("cannot write the CycloneDX document: " + e.getMessage(), e);
    }
  }
}
