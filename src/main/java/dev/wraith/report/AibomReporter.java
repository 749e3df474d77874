package dev.wraith.report;

import dev.wraith.redact.RedactingModule;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * {@code aibom.cdx.json}: the inventory as a CycloneDX AI bill of materials, 1.7 by default or 1.6
 * ({@link CycloneDxVersion}). Agents are application components,
 * AI frameworks and SDKs from lockfiles are library components with purls, literal model names are
 * machine-learning-model components, providers, vector stores and MCP servers are services with endpoints, and the
 * dependency graph says which agent uses what. The only time is the scan time; the serial number is a UUID derived
 * from the rest of the document, so the same inventory always gives the same bytes. Providers carry their OpenTelemetry
 * {@code gen_ai.provider.name} and models {@code gen_ai.request.model}, so the BOM joins traces.
 *
 * <p>cyclonedx-core-java 12.2.0 (the newest Maven Central serves here) writes 1.6 at most; nothing wraith emits changed
 * between 1.6 and 1.7, so a 1.7 document is the library's 1.6 serialisation with {@code specVersion} set to 1.7, and
 * tests validate it against the official 1.7 schema. When the library (13.x)
 * can be had, {@link #json} should ask it for VERSION_17 directly.
 */
public final class AibomReporter extends RedactingReporter<InventoryReport> {
  /** The bom-ref of {@code metadata.component}, the scanned estate every agent hangs off. */
  static final String ROOT_REF = "inventory";

  private final CycloneDxVersion version;
  private final GenAiNames genAiNames;

  /** CycloneDX 1.7, the bundled catalogue's OpenTelemetry provider names and redaction rules. */
  public AibomReporter() {
    this(CycloneDxVersion.DEFAULT, GenAiNames.bundled(), Redactor.bundled());
  }

  /** @param redactor every string of the document goes through it (the catalogue's, overlay included) */
  public AibomReporter(CycloneDxVersion version, GenAiNames genAiNames, Redactor redactor) {
    super("aibom.cdx.json", redactor);
    this.version = version;
    this.genAiNames = genAiNames;
  }

  public CycloneDxVersion version() {
    return version;
  }

  @Override
  public void write(InventoryReport input, OutputStream out) throws IOException {
    Inventory inventory = input.inventory();
    Optional<CodeScan> code = input.code();
    Bom bom = bom(inventory, code, genAiNames);
    String unsigned = json(bom);
    bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(unsigned.getBytes(StandardCharsets.UTF_8)));
    out.write(json(bom).getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    out.flush();
  }

  static Bom bom(Inventory inventory, Optional<CodeScan> code, GenAiNames names) {
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
    List<Service> services = new ArrayList<>(AibomServices.providers(inventory, code, names));
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
    // indexes by directory and by file, so each agent costs its own files (a fleet has thousands of agents)
    java.util.Map<String, List<AibomLibraries.Library>> libsByDir = new java.util.HashMap<>();
    for (AibomLibraries.Library l : libraries) {
      for (String d : l.directories()) libsByDir.computeIfAbsent(d, k -> new ArrayList<>()).add(l);
    }
    java.util.Map<String, List<ModelUse>> modelsByFile = new java.util.HashMap<>();
    for (ModelUse m : models) modelsByFile.computeIfAbsent(m.location().path(), k -> new ArrayList<>()).add(m);
    for (InventoryAgent a : inventory.agents()) {
      SortedSet<String> uses = new TreeSet<>();
      a.providers().forEach(p -> uses.add(AibomServices.providerRef(p)));
      for (Connection c : a.connections()) uses.add(AibomServices.connectionRef(c));
      for (CodeRef r : a.code()) {
        for (String d : directoriesAbove(r.path())) {
          libsByDir.getOrDefault(d, List.of()).forEach(l -> uses.add(l.component().getBomRef()));
        }
        modelsByFile.getOrDefault(r.path(), List.of()).forEach(m -> uses.add(AibomComponents.modelRef(m.model())));
      }
      Dependency d = new Dependency(AibomComponents.agentRef(a));
      uses.forEach(u -> d.addDependency(new Dependency(u)));
      out.add(d);
    }
    out.sort(java.util.Comparator.comparing(Dependency::getRef));
    return out;
  }

  /** Every directory a path is {@code under}: "" and each prefix ending before a '/'. */
  private static List<String> directoriesAbove(String path) {
    List<String> out = new ArrayList<>(List.of(""));
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) out.add(path.substring(0, i));
    return out;
  }

  /**
   * The library writes the document; every string in it then goes through the redactor, so what the BOM shows never
   * depends on a collector having redacted it. 1.6 keeps the library's layout (arrays one item a line); 1.7 is the same
   * tree under {@code specVersion} 1.7.
   */
  private String json(Bom bom) throws IOException {
    String v16;
    try {
      v16 = BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
    } catch (GeneratorException e) {
      throw new IOException("cannot write the CycloneDX document: " + e.getMessage(), e);
    }
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode doc = (ObjectNode) RedactingModule.redactTree(mapper.readTree(v16), redactor);
    return switch (version) {
      case V1_6 -> mapper.writer(libraryLayout()).writeValueAsString(doc);
      case V1_7 -> mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc.put("specVersion", version.text()));
    };
  }

  /** cyclonedx-core-java's two-space layout, arrays one item a line. */
  private static com.fasterxml.jackson.core.util.DefaultPrettyPrinter libraryLayout() {
    var layout = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter();
    layout.indentArraysWith(com.fasterxml.jackson.core.util.DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    return layout;
  }
}
