package dev.wraith.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Hashes;
import dev.wraith.model.Inventory;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code findings.ocsf.jsonl}: one OCSF 1.8.0 Detection Finding (class_uid 2004) per line, for a SIEM or a data lake
 * (see {@link OcsfFindings} for what becomes a finding). Deterministic: the same inventory gives the same bytes; an
 * inventory with no finding gives an empty file. The same lines are what {@code --ocsf-url} delivers.
 */
public final class OcsfReporter extends RedactingReporter<InventoryReport> {
  private final GenAiNames genAiNames;
  private final ObjectMapper mapper;

  /** With the bundled catalogue's OpenTelemetry provider names and redaction rules. */
  public OcsfReporter() {
    this(GenAiNames.bundled(), Redactor.bundled());
  }

  /**
   * @param redactor every string of every line goes through it (the catalogue's, overlay included): these lines are
   *     also what {@code --ocsf-url} sends
   */
  public OcsfReporter(GenAiNames genAiNames, Redactor redactor) {
    super(OcsfFindings.LOG_NAME, redactor);
    this.genAiNames = genAiNames;
    this.mapper = Json.lines(redactor)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  @Override
  public void write(InventoryReport input, OutputStream out) throws IOException {
    Inventory inventory = input.inventory();
    Optional<CodeScan> code = input.code();
    for (String line : lines(inventory, code)) {
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    out.flush();
  }

  /** Each finding as one line of JSON (no newline inside). */
  public List<String> lines(Inventory inventory, Optional<CodeScan> code) {
    return OcsfFindings.events(inventory, code, genAiNames).stream().map(this::json).toList();
  }

  /**
   * One finding as a long-running scanner delivers it: {@code uid} is {@code finding_info.uid} (stable across scans),
   * {@code substance} a hash of what the finding says, leaving out what changes at every scan without the finding
   * changing ({@link #VOLATILE}, the seen times and {@code unmapped.wraith.change}), {@code line} the JSON line.
   */
  public record Finding(String uid, String substance, String line) {}

  /** Top-level attributes that differ between two scans of the same finding: the time, event uid, Create/Update. */
  static final List<String> VOLATILE = List.of("time", "metadata", "activity_id", "activity_name", "type_uid", "type_name");

  /** The same findings as {@link #lines}, each with its uid and substance. */
  public List<Finding> findings(Inventory inventory, Optional<CodeScan> code) {
    return OcsfFindings.events(inventory, code, genAiNames).stream()
        .map(e -> new Finding(e.findingInfo().uid(), substance(e), json(e))).toList();
  }

  private String substance(OcsfEvent e) {
    ObjectNode tree = mapper.valueToTree(e);
    tree.remove(VOLATILE);
    if (tree.get("finding_info") instanceof ObjectNode info) {
      info.remove(List.of("first_seen_time", "last_seen_time"));
    }
    if (tree.at("/unmapped/wraith") instanceof ObjectNode wraith) wraith.remove("change");
    try {
      return Hashes.sha256Hex(mapper.writeValueAsString(tree));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("an OCSF tree always serialises", ex);
    }
  }

  private String json(OcsfEvent e) {
    try {
      return mapper.writeValueAsString(e);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("an OCSF record always serialises", ex);
    }
  }
}
