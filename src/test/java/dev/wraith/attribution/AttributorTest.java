package dev.wraith.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.Attributed;
import dev.wraith.model.Attributed.Method;
import dev.wraith.model.Attribution;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributorTest {
  static final Catalogue CAT = CatalogueLoader.bundled();

  static InetAddress ip(String s) {
    return Pin.literal(s, s);
  }

  @Test
  void pinsComeFirstAndRespectTheirPort() {
    Attributor a = new Attributor(CAT, List.of(Pin.parse("api.openai.com=10.1.2.3:443"), Pin.parse("api.anthropic.com=10.1.2.3")),
        Optional.empty());
    assertThat(a.attribute(ip("10.1.2.3"), 443, List.of())).contains(new Attributed("openai", "api.openai.com", Method.PIN));
    assertThat(a.attribute(ip("10.1.2.3"), 8443, List.of())).contains(new Attributed("anthropic", "api.anthropic.com", Method.PIN));
  }

  @Test
  void containerHostsFileBeforeTheNodes() {
    HostsFile container = HostsFile.parse("# kubelet\n127.0.0.1 localhost\n10.9.9.9\tapi.groq.com groq # alias\n");
    HostsFile node = HostsFile.parse("10.9.9.9 api.mistral.ai\n");
    Attributor a = new Attributor(CAT, List.of(), Optional.empty());
    assertThat(a.attribute(ip("10.9.9.9"), 443, List.of(container, node)))
        .contains(new Attributed("groq", "api.groq.com", Method.HOSTS_FILE));
    assertThat(a.attribute(ip("10.9.9.9"), 443, List.of(node))).contains(new Attributed("mistral", "api.mistral.ai", Method.HOSTS_FILE));
  }

  @Test
  void publishedRangesButNeverWideBlocks() {
    Attributor a = new Attributor(CAT, List.of(), Optional.empty());
    assertThat(a.attribute(ip("160.79.104.10"), 443, List.of())).contains(new Attributed("anthropic", "", Method.PUBLISHED_RANGE));
    assertThat(a.attribute(ip("2607:6bc0::10"), 443, List.of())).map(Attributed::providerId).contains("anthropic");
    // addresses the competitor guesses from (Cloudflare, Azure /8, Google) stay unattributed without DNS
    for (String guess : List.of("104.18.7.192", "20.1.2.3", "142.250.1.1", "160.79.112.1")) {
      assertThat(a.attribute(ip(guess), 443, List.of())).as(guess).isEmpty();
    }
  }

  @Test
  void modelServerPortsOnlyWhenDistinctiveAndInCluster() {
    Attributor a = new Attributor(CAT, List.of(), Optional.empty());
    assertThat(a.attribute(ip("10.96.4.2"), 11434, List.of())).contains(new Attributed("ollama", "", Method.PORT));
    assertThat(a.attribute(ip("127.0.0.1"), 11434, List.of())).map(Attributed::providerId).contains("ollama");
    assertThat(a.attribute(ip("100.64.0.9"), 11434, List.of())).isPresent();
    assertThat(a.attribute(ip("93.184.216.34"), 11434, List.of())).as("public address").isEmpty();
    assertThat(a.attribute(ip("10.96.4.2"), 8000, List.of())).as("vLLM, Triton and Chroma share 8000").isEmpty();
    assertThat(a.attribute(ip("10.96.4.2"), 80, List.of())).as("well-known port").isEmpty();
    assertThat(a.attribute(ip("10.96.4.2"), 5432, List.of())).isEmpty();
  }

  @Test
  void dnsCacheAnswersAttributeUntilTheyExpire() throws Exception {
    DnsCache dns = new DnsCache(List.of("api.mistral.ai"), h -> List.of(ip("51.159.0.1")), Duration.ofMinutes(1),
        Duration.ofSeconds(1), Clock.systemUTC());
    dns.refresh();
    Attributor a = new Attributor(CAT, List.of(), Optional.of(dns));
    assertThat(a.attribute(ip("51.159.0.1"), 443, List.of())).contains(new Attributed("mistral", "api.mistral.ai", Method.DNS_LOOKUP));
    dns.close();
  }

  /** A pin, published range and the DNS cache would all say AI for these addresses. */
  private static Attributor everythingSaysAi() throws Exception {
    DnsCache dns = new DnsCache(List.of("api.openai.com"), h -> List.of(ip("162.159.140.245")), Duration.ofMinutes(1),
        Duration.ofSeconds(1), Clock.systemUTC());
    dns.refresh();
    return new Attributor(CAT, List.of(Pin.parse("api.openai.com=162.159.140.245"), Pin.parse("api.openai.com=160.79.104.10")),
        Optional.of(dns));
  }

  @Test
  void theNameTheProcessAskedForDecidesInOrderOfTrust() throws Exception {
    Attributor a = everythingSaysAi();
    InetAddress cdn = ip("162.159.140.245");
    // every name-level kind, each alone, decides with its own evidence
    assertThat(a.attribute(cdn, 443, List.of(), AskedNames.sni("API.Anthropic.com.")))
        .isEqualTo(new Attributed("anthropic", "api.anthropic.com", Method.SNI));
    assertThat(a.attribute(cdn, 443, List.of(), AskedNames.proxyConnect("api.mistral.ai:443")))
        .isEqualTo(new Attributed("mistral", "api.mistral.ai", Method.PROXY_CONNECT));
    assertThat(a.attribute(cdn, 8000, List.of(), AskedNames.httpHost("api.groq.com:8000")))
        .isEqualTo(new Attributed("groq", "api.groq.com", Method.HTTP_HOST));
    assertThat(a.attribute(cdn, 443, List.of(), AskedNames.dnsAnswers(List.of("api.openai.com"))))
        .isEqualTo(new Attributed("openai", "api.openai.com", Method.DNS_ANSWER));
    // several at once: sni > proxy-connect > http-host > dns-answer
    AskedNames all = new AskedNames(Optional.of("api.cohere.com"), Optional.of("api.mistral.ai:443"),
        Optional.of("api.groq.com"), List.of("api.openai.com"));
    assertThat(a.attribute(cdn, 443, List.of(), all).ai()).map(Attributed::method).contains(Method.SNI);
    assertThat(a.attribute(cdn, 443, List.of(), new AskedNames(Optional.empty(), all.proxyConnect(), all.httpHost(),
        all.dnsAnswers())).ai()).map(Attributed::method).contains(Method.PROXY_CONNECT);
    assertThat(a.attribute(cdn, 443, List.of(), new AskedNames(Optional.empty(), Optional.empty(), all.httpHost(),
        all.dnsAnswers())).ai()).map(Attributed::method).contains(Method.HTTP_HOST);
    // no name: the address methods, the pin first
    assertThat(a.attribute(cdn, 443, List.of(), AskedNames.NONE)).isEqualTo(new Attributed("openai", "api.openai.com", Method.PIN));
  }

  @Test
  void aNonAiNameIsNotAiEvenWhereAPinRangeOrCacheSaysAi() throws Exception {
    Attributor a = everythingSaysAi();
    // the CDN neighbour: same address as api.openai.com, pinned and in the DNS cache
    assertThat(a.attribute(ip("162.159.140.245"), 443, List.of(), AskedNames.sni("discord.com")))
        .isEqualTo(new Attribution.NotAi("discord.com", Method.SNI));
    assertThat(a.attribute(ip("162.159.140.245"), 443, List.of(), AskedNames.dnsAnswers(List.of("cdn.example.org"))))
        .isEqualTo(new Attribution.NotAi("cdn.example.org", Method.DNS_ANSWER));
    // inside Anthropic's published range and pinned, but the process sent another SNI
    assertThat(a.attribute(ip("160.79.104.10"), 443, List.of(), AskedNames.sni("status.example.net")))
        .isEqualTo(new Attribution.NotAi("status.example.net", Method.SNI));
    // a stronger AI name beats a weaker non-AI one; a stronger non-AI name beats a weaker AI one
    assertThat(a.attribute(ip("162.159.140.245"), 443, List.of(),
        new AskedNames(Optional.of("api.openai.com"), Optional.empty(), Optional.empty(), List.of("cdn.example.org"))).ai())
        .isPresent();
    assertThat(a.attribute(ip("162.159.140.245"), 443, List.of(),
        new AskedNames(Optional.of("cdn.example.org"), Optional.empty(), Optional.empty(), List.of("api.openai.com"))))
        .isInstanceOf(Attribution.NotAi.class);
    // the old address-only call is unchanged
    assertThat(a.attribute(ip("162.159.140.245"), 443, List.of())).map(Attributed::method).contains(Method.PIN);
  }

  @Test
  void onAnInClusterAddressAnUnknownNameLeavesItToTheAddressAndTheCluster() {
    Attributor a = new Attributor(CAT, List.of(), Optional.empty());
    // Host: vllm.ai-platform.svc:8000 is not in the catalogue; the cluster's address map will name it
    assertThat(a.attribute(ip("10.96.0.12"), 8000, List.of(), AskedNames.httpHost("vllm.ai-platform.svc:8000")))
        .isEqualTo(Attribution.Unattributed.NONE);
    assertThat(a.attribute(ip("10.96.4.2"), 11434, List.of(), AskedNames.httpHost("ollama.llm.svc.cluster.local:11434")))
        .isEqualTo(new Attributed("ollama", "", Method.PORT));
    // an egress proxy on a private address: CONNECT names the provider
    assertThat(a.attribute(ip("10.0.0.7"), 3128, List.of(), AskedNames.proxyConnect("api.openai.com:443")))
        .isEqualTo(new Attributed("openai", "api.openai.com", Method.PROXY_CONNECT));
  }

  @Test
  void askedNamesAreNormalisedAndLiteralsDropped() {
    AskedNames n = new AskedNames(Optional.of("10.0.0.1"), Optional.of("[2001:db8::1]:443"), Optional.of("Api.OpenAI.com:8080"),
        List.of("api.openai.com.", "API.OPENAI.COM", "", "x".repeat(300), "bad name!"));
    assertThat(n.sni()).isEmpty();
    assertThat(n.proxyConnect()).isEmpty();
    assertThat(n.httpHost()).contains("api.openai.com");
    assertThat(n.dnsAnswers()).containsExactly("api.openai.com");
    assertThat(AskedNames.NONE.isEmpty()).isTrue();
  }

  @Test
  void evidenceIdsAndStrengthAreFixed() {
    assertThat(java.util.Arrays.stream(Method.values()).map(Method::id)).containsExactly("sni", "proxy-connect",
        "http-host", "dns-answer", "pin", "cluster-address", "hosts-file", "dns-lookup", "published-range", "port");
    assertThat(java.util.Arrays.stream(Method.values()).filter(m -> m.strength() == Attributed.Strength.WEAK))
        .containsExactly(Method.HOSTS_FILE, Method.DNS_LOOKUP, Method.PUBLISHED_RANGE, Method.PORT);
    assertThat(Method.byId("dns")).contains(Method.DNS_LOOKUP);
    assertThat(Method.byId("model-server-port")).contains(Method.PORT);
    assertThat(Method.byId("telepathy")).isEmpty();
  }

  @Test
  void pinSyntax() {
    assertThat(Pin.parse("api.openai.com=[::1]:8443")).isEqualTo(new Pin("api.openai.com", ip("::1"), 8443));
    assertThat(Pin.parse("api.openai.com=::1").port()).isZero();
    assertThatThrownBy(() -> Pin.parse("api.openai.com=example.com")).hasMessageContaining("not an IP");
    assertThatThrownBy(() -> Pin.parse("api.openai.com")).hasMessageContaining("HOST=IP");
    assertThatThrownBy(() -> Pin.parse("a=1.2.3.4:70000")).hasMessageContaining("port");
  }

  @Test
  void resolvableHostsAreConcreteNamesOnly() {
    assertThat(Attributor.resolvableHosts(CAT)).contains("api.openai.com").noneMatch(h -> h.contains("*"));
  }
}
