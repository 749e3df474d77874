package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.attribution.Attributor;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.Attributed;
import dev.wraith.model.Attribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Verdicts are remembered per window by everything they depend on (namespace, destination, names asked), never by the
 * address alone: one CDN address carries an AI name and a neighbour's, and every connection is counted, remembered or
 * not.
 */
class ProbeAttributionTest {
  static final Endpoint EDGE = new Endpoint("160.79.104.10", 443); // in a range the catalogue says Anthropic publishes
  final List<String> hostsLookups = new ArrayList<>();
  final ProbeAttribution attribution = new ProbeAttribution(
      new Attributor(CatalogueLoader.bundled(), List.of(), Optional.empty()),
      (netns, pid) -> {
        hostsLookups.add(netns);
        return List.of();
      });

  private static ProbedConnection connection(long id, String netns, RequestName request, List<String> resolved) {
    var p = new ProbedProcess(100, 1, 1, 0, "/usr/bin/agent", List.of(), 7, Optional.empty(), netns,
        ProbedProcess.Source.EXEC_EVENT);
    return new ProbedConnection(id, p, new Endpoint("10.0.0.2", 40000 + (int) id), EDGE, Instant.EPOCH, request, resolved);
  }

  @Test
  void oneAddressTwoNamesTwoVerdictsAndEveryConnectionCounted() {
    List<Attribution> verdicts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      verdicts.add(attribution.attribute(connection(3 * i, "net:[1]", new RequestName.Sni("api.openai.com"), List.of())));
      verdicts.add(attribution.attribute(connection(3 * i + 1, "net:[1]", new RequestName.Sni("cdn-neighbour.example"), List.of())));
      verdicts.add(attribution.attribute(connection(3 * i + 2, "net:[1]", new RequestName.None("no bytes written"), List.of())));
    }
    assertThat(verdicts.subList(0, 3)).containsExactly(new Attributed("openai", "api.openai.com", Attributed.Method.SNI),
        new Attribution.NotAi("cdn-neighbour.example", Attributed.Method.SNI),
        new Attributed("anthropic", "", Attributed.Method.PUBLISHED_RANGE));
    assertThat(verdicts.subList(3, 9)).isEqualTo(List.of(verdicts.get(0), verdicts.get(1), verdicts.get(2),
        verdicts.get(0), verdicts.get(1), verdicts.get(2)));
    assertThat(attribution.takeSummary()).isEqualTo("names: 3 connections AI by name or pin (sni 3), 3 AI by address only "
        + "(published-range 3), 3 named non-AI hosts (3 of them on an address that address evidence calls AI: a shared "
        + "address, not AI), 0 unattributed");
    // decided once each for the window: the AI name, the neighbour's name, the address (shared by the nameless one)
    assertThat(hostsLookups).hasSize(3);
  }

  @Test
  void theNamespaceAndTheDnsAnswersArePartOfTheKeyAndAWindowForgets() {
    var none = new RequestName.None("not TLS or HTTP");
    assertThat(attribution.attribute(connection(1, "net:[1]", none, List.of("api.openai.com"))))
        .isEqualTo(new Attributed("openai", "api.openai.com", Attributed.Method.DNS_ANSWER));
    assertThat(attribution.attribute(connection(2, "net:[1]", none, List.of("cdn-neighbour.example"))))
        .isEqualTo(new Attribution.NotAi("cdn-neighbour.example", Attributed.Method.DNS_ANSWER));
    // an HTTP request's method and path do not change its verdict; its Host does
    var post = new RequestName.HttpRequest("POST", "api.openai.com", "/v1/chat/completions");
    var get = new RequestName.HttpRequest("GET", "api.openai.com", "/v1/models");
    assertThat(attribution.attribute(connection(3, "net:[2]", post, List.of())))
        .isEqualTo(attribution.attribute(connection(4, "net:[2]", get, List.of())))
        .isEqualTo(new Attributed("openai", "api.openai.com", Attributed.Method.HTTP_HOST));
    assertThat(hostsLookups).containsExactly("net:[1]", "net:[1]", "net:[1]", "net:[2]");
    attribution.takeSummary();
    attribution.attribute(connection(5, "net:[2]", get, List.of()));
    assertThat(hostsLookups).hasSize(5);
  }
}
