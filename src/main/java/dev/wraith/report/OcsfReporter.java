package dev.wraith.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Inventory;
import dev.wraith.redact.RedactingModule;
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
public final class OcsfReporter implements InventoryReporter {
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
    this.genAiNames = genAiNames;
    this.mapper = new ObjectMapper()
        .registerModule(new RedactingModule(redactor))
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  @Override
  public String fileName() {
    return OcsfFindings.LOG_NAME;
  }

  @Override
  public void write(Inventory inventory, Optional<CodeScan> code, OutputStream out) throws IOException {
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

  private String json(OcsfEvent e) {
    try {
      return mapper.writeValueAsString(e);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("an OCSF record always serialises", ex);
    }
  }
}
