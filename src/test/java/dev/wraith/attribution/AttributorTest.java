package dev.wraith.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.Attributed;
import dev.wraith.model.Attributed.Method;
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
    assertThat(a.attribute(ip("10.96.4.2"), 11434, List.of())).contains(new Attributed("ollama", "", Method.MODEL_SERVER_PORT));
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
    assertThat(a.attribute(ip("51.159.0.1"), 443, List.of())).contains(new Attributed("mistral", "api.mistral.ai", Method.DNS));
    dns.close();
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
