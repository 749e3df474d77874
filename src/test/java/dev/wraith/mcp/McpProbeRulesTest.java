package dev.wraith.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** The probe rules load from the bundle, and a broken rules file names every problem at once. */
class McpProbeRulesTest {
  @Test
  void bundledRulesHaveEverySection() {
    ProbeRules r = ProbeRules.bundled();
    assertThat(r.capabilities()).containsOnlyKeys("filesystem", "shell", "network", "database", "write");
    assertThat(r.injection()).extracting(ProbeRules.Marker::id).contains("ignore-previous", "conceal-from-user", "important-tag", "read-secrets");
    assertThat(r.invisible()).extracting(ProbeRules.Invisible::id).contains("zero-width", "bidi-control", "tag-characters");
    assertThat(r.processes()).allMatch(p -> p.pattern().pattern().contains("(?<pkg>"));
  }

  @Test
  void brokenRulesFailWithEveryProblem() throws Exception {
    var doc = new ObjectMapper(new YAMLFactory()).readTree("""
        schema: 1
        extra: 1
        capabilities: {shell: [bash]}
        injection: [{id: Bad_Id, pattern: "(unclosed"}]
        invisible: [{id: zw, ranges: ["ZZZ"]}]
        mcpNames: ["mcp"]
        processes: [{id: p, ecosystem: cargo, pattern: "x"}]
        """);
    assertThatThrownBy(() -> ProbeRules.parse(doc)).hasMessageContainingAll("unknown key 'extra'", "id 'Bad_Id' is not kebab-case",
        "pattern '(unclosed' does not compile", "range 'ZZZ' is not HEX or HEX-HEX", "ecosystem must be npm, pypi or local",
        "has no (?<pkg>...) group");
  }
}
