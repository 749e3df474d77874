package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wraith.code.FixtureHarness;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default aibom.cdx.json: CycloneDX 1.7, valid against the official 1.7 schema, otherwise the 1.6 document. */
class AibomCycloneDx17Test {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AibomReporter V17 = new AibomReporter(CycloneDxVersion.V1_7, GenAiNames.bundled(), dev.wraith.redact.Redactor.bundled());

  @Test
  void theDefaultIs17() {
    assertThat(new AibomReporter().version()).isEqualTo(CycloneDxVersion.V1_7);
  }

  @Test
  void validAgainstTheOfficialCycloneDx17Schema() throws IOException {
    AibomSchema17.require();
    JsonNode full = bom(SampleInventory.inventory(), Optional.of(SampleInventory.codeScan()));
    assertThat(full.path("specVersion").asText()).isEqualTo("1.7");
    assertThat(AibomSchema17.validate(full)).isEmpty();
    assertThat(AibomSchema17.validate(bom(SampleInventory.empty(), Optional.empty()))).isEmpty();
    JsonNode real = bom(SampleInventory.inventory(), Optional.of(FixtureHarness.scan(Path.of("examples", "acme-support"))));
    assertThat(AibomSchema17.validate(real)).isEmpty();
  }

  @Test
  void theSchemaCatchesABrokenBom() throws IOException {
    AibomSchema17.require();
    ObjectNode broken = (ObjectNode) bom(SampleInventory.inventory(), Optional.of(SampleInventory.codeScan()));
    ((ObjectNode) broken.path("components").get(0)).put("type", "robot");
    assertThat(AibomSchema17.validate(broken)).isNotEmpty();
    ObjectNode unknownKey = (ObjectNode) bom(SampleInventory.inventory(), Optional.empty());
    unknownKey.put("wraithVersion", "0.1.0");
    assertThat(AibomSchema17.validate(unknownKey)).isNotEmpty();
  }

  @Test
  void onlyTheVersionAndTheSerialNumberDifferFrom16() throws IOException {
    ObjectNode v17 = (ObjectNode) bom(SampleInventory.inventory(), Optional.of(SampleInventory.codeScan()));
    ObjectNode v16 = (ObjectNode) JSON.readTree(SampleInventory.render(AibomReporterTest.V16, SampleInventory.inventory(),
        Optional.of(SampleInventory.codeScan())));
    assertThat(v17.path("serialNumber").asText()).isNotEqualTo(v16.path("serialNumber").asText());
    for (ObjectNode n : new ObjectNode[] {v16, v17}) {
      n.remove("specVersion");
      n.remove("serialNumber");
    }
    assertThat(v17).isEqualTo(v16);
    byte[] again = SampleInventory.render(V17, SampleInventory.inventory(), Optional.of(SampleInventory.codeScan()));
    assertThat(again).isEqualTo(SampleInventory.render(V17, SampleInventory.inventory(),
        Optional.of(SampleInventory.codeScan())));
  }

  private static JsonNode bom(dev.wraith.model.Inventory inventory, Optional<dev.wraith.model.CodeScan> code)
      throws IOException {
    return JSON.readTree(SampleInventory.render(V17, inventory, code));
  }
}
