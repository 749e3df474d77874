package dev.wraith.tetragon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.catalogue.Cidr;
import dev.wraith.catalogue.Provider;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** deploy/tetragon/tracingpolicy.yaml is a TracingPolicy that can fire, and fires for the catalogue. */
class TetragonPolicyTest {
  /** The sock operators Tetragon documents (selectors.md); anything else fails to load. */
  static final Set<String> SOCK_OPERATORS = Set.of("SAddr", "NotSAddr", "DAddr", "NotDAddr", "SPort", "NotSPort",
      "DPort", "NotDPort", "SPortPriv", "NotSPortPriv", "DPortPriv", "NotDPortPriv", "Protocol", "Family", "State");
  static final Catalogue CAT = CatalogueLoader.bundled();

  static JsonNode policy() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(Path.of("deploy/tetragon/tracingpolicy.yaml").toFile());
  }

  static List<JsonNode> selectors() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    policy().path("spec").path("kprobes").get(0).path("selectors").forEach(out::add);
    return out;
  }

  static List<String> values(JsonNode selector, String operator) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : selector.path("matchArgs")) {
      if (m.path("operator").asText().equals(operator)) m.path("values").forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  static boolean portIn(List<String> values, int port) {
    for (String v : values) {
      String[] r = v.split(":", -1);
      int lo = Integer.parseInt(r[0]), hi = Integer.parseInt(r[r.length - 1]);
      if (port >= lo && port <= hi) return true;
    }
    return false;
  }

  @Test
  void structure() throws Exception {
    JsonNode p = policy();
    assertThat(p.path("apiVersion").asText()).isEqualTo("cilium.io/v1alpha1");
    assertThat(p.path("kind").asText()).isEqualTo("TracingPolicy");
    assertThat(p.path("metadata").path("name").asText()).isNotEmpty();
    JsonNode k = p.path("spec").path("kprobes").get(0);
    assertThat(k.path("call").asText()).isEqualTo("tcp_connect");
    assertThat(k.path("syscall").asBoolean(true)).isFalse();
    assertThat(k.path("args").get(0).path("index").asInt()).isZero();
    assertThat(k.path("args").get(0).path("type").asText()).isEqualTo("sock");
    assertThat(selectors()).hasSizeGreaterThanOrEqualTo(1);
  }

  @Test
  void operatorsAndValuesAreOnesTheKernelFilterTakes() throws Exception {
    for (JsonNode s : selectors()) {
      for (JsonNode m : s.path("matchArgs")) {
        String op = m.path("operator").asText();
        assertThat(SOCK_OPERATORS).as("operator").contains(op);
        assertThat(m.path("index").asInt()).isZero();
        assertThat(m.path("values").isArray() && m.path("values").size() > 0).isTrue();
        for (JsonNode v : m.path("values")) {
          String text = v.asText();
          if (op.endsWith("Addr")) assertThat(Cidr.parse(text)).as(text).isNotNull(); // throws on hostnames
          if (op.endsWith("Port")) assertThat(text).matches("[0-9]{1,5}(:[0-9]{1,5})?");
        }
      }
    }
  }

  @Test
  void hostedApisOn443ButNotTheClusterRanges() throws Exception {
    JsonNode hosted = selectors().stream().filter(s -> values(s, "DPort").contains("443")).findFirst().orElseThrow();
    List<Cidr> excluded = values(hosted, "NotDAddr").stream().map(Cidr::parse).toList();
    for (String ip : List.of("127.0.0.1", "10.96.0.1", "10.244.1.23", "172.20.0.5", "192.168.1.1", "::1", "fd00::1")) {
      InetAddress a = InetAddress.getByName(ip);
      assertThat(excluded.stream().anyMatch(c -> c.contains(a))).as(ip + " excluded").isTrue();
    }
    for (Provider pr : CAT.providers()) {
      for (Cidr range : pr.ipRanges()) {
        InetAddress first = InetAddress.getByName(range.text().substring(0, range.text().indexOf('/')));
        assertThat(excluded.stream().anyMatch(c -> c.contains(first))).as(pr.id() + " " + range + " kept").isFalse();
      }
    }
  }

  @Test
  void everySelfHostedPortOfTheCatalogueIsWatched() throws Exception {
    List<String> ports = new ArrayList<>();
    for (JsonNode s : selectors()) ports.addAll(values(s, "DPort"));
    for (Provider pr : CAT.providers()) {
      for (int port : pr.ports()) {
        if (port == 80) continue; // left out on purpose: every in-cluster HTTP call would match (see the policy)
        assertThat(portIn(ports, port)).as(pr.id() + " port " + port).isTrue();
      }
    }
  }
}
