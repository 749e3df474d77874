package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DNS responses as servers write them, and hostile ones: the parser never throws and never reads past the capture. */
class DnsParserTest {
  static byte[] openaiViaCname() {
    return DnsWire.response(0x1234, 0, 3)
        .question("api.openai.com", 1)
        .cname("api.openai.com", 300, "api.openai.com.cdn.cloudflare.net")
        .a("api.openai.com.cdn.cloudflare.net", 60, 162, 159, 140, 245)
        .a("api.openai.com.cdn.cloudflare.net", 30, 172, 66, 0, 243)
        .bytes();
  }

  @Test
  void followsTheCnameChainAndKeepsTheSmallestTtl() {
    DnsMessage m = DnsParser.parse(openaiViaCname(), openaiViaCname().length, false).orElseThrow();
    assertThat(m.question()).isEqualTo("api.openai.com");
    assertThat(m.rcode()).isZero();
    assertThat(m.cnames()).containsExactly("api.openai.com.cdn.cloudflare.net");
    assertThat(m.addresses()).containsExactly(new DnsMessage.Address("162.159.140.245", 60), new DnsMessage.Address("172.66.0.243", 30));
  }

  @Test
  void cnameWithShorterTtlLimitsTheAnswer() {
    byte[] b = DnsWire.response(1, 0, 2).question("api.anthropic.com", 1)
        .cname("api.anthropic.com", 5, "edge.example.net").a("edge.example.net", 600, 10, 0, 0, 9).bytes();
    assertThat(DnsParser.parse(b, b.length, false).orElseThrow().addresses()).containsExactly(new DnsMessage.Address("10.0.0.9", 5));
  }

  @Test
  void aaaaAndTcpFraming() {
    byte[] v6 = new byte[16];
    v6[0] = 0x26;
    v6[1] = 0x06;
    v6[15] = 1;
    DnsWire w = DnsWire.response(7, 0, 1).question("api.openai.com", 28).aaaa("api.openai.com", 120, v6);
    byte[] tcp = w.tcp();
    DnsMessage m = DnsParser.parse(tcp, tcp.length, true).orElseThrow();
    assertThat(m.addresses()).containsExactly(new DnsMessage.Address("2606:0:0:0:0:0:0:1", 120));
    byte[] udp = w.bytes();
    assertThat(DnsParser.parse(udp, udp.length, true)).contains(m); // a TCP read of the message without its length
  }

  @Test
  void recordsOfOtherNamesAreNotTheQuestionsAnswers() {
    byte[] b = DnsWire.response(1, 0, 2).question("api.openai.com", 1)
        .a("evil.example", 60, 6, 6, 6, 6).a("api.openai.com", 60, 1, 2, 3, 4).bytes();
    assertThat(DnsParser.parse(b, b.length, false).orElseThrow().addresses()).extracting(DnsMessage.Address::ip).containsExactly("1.2.3.4");
  }

  @Test
  void nxdomainHasNoAddresses() {
    byte[] b = DnsWire.response(1, 3, 0).question("nope.example", 1).bytes();
    DnsMessage m = DnsParser.parse(b, b.length, false).orElseThrow();
    assertThat(m.rcode()).isEqualTo(3);
    assertThat(m.addresses()).isEmpty();
  }

  @Test
  void queriesAndGarbageAreNotResponses() {
    byte[] query = DnsWire.response(1, 0, 0).question("api.openai.com", 1).bytes();
    query[2] &= 0x7f; // QR = 0
    assertThat(DnsParser.parse(query, query.length, false)).isEmpty();
    assertThat(DnsParser.parse(new byte[0], 0, false)).isEmpty();
    assertThat(DnsParser.parse("HTTP/1.1 200 OK\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 17, false)).isEmpty();
  }

  @Test
  void pointerLoopsAndForwardPointersEndTheMessage() {
    // the question's name is a pointer to itself: a loop
    byte[] loop = DnsWire.response(1, 0, 0).raw(0xc0, 12, 0, 1, 0, 1).bytes();
    assertThat(DnsParser.parse(loop, loop.length, false)).isEmpty();
    // an answer owner pointing forward, past the end
    byte[] fwd = DnsWire.response(1, 0, 1).question("a.example", 1).raw(0xc0, 0xff, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 1, 1, 1, 1).bytes();
    assertThat(DnsParser.parse(fwd, fwd.length, false).orElseThrow().addresses()).isEmpty();
  }

  @Test
  void aMessageCutShortKeepsTheRecordsBeforeTheCut() {
    byte[] full = openaiViaCname();
    int cutInLastRecord = full.length - 2;
    DnsMessage m = DnsParser.parse(full, cutInLastRecord, false).orElseThrow();
    assertThat(m.addresses()).containsExactly(new DnsMessage.Address("162.159.140.245", 60));
  }

  @Test
  void everyTruncationAndEveryByteFlipIsHandled() {
    byte[] full = openaiViaCname();
    for (int n = 0; n <= full.length; n++) assertBounded(full, n);
    Random r = new Random(12);
    for (int i = 0; i < 50_000; i++) {
      byte[] b = full.clone();
      for (int k = 1 + r.nextInt(4); k > 0; k--) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
      assertBounded(b, b.length);
    }
  }

  @Test
  void randomBytesAndHugeCountsAreHandled() {
    Random r = new Random(34);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[r.nextInt(600)];
      r.nextBytes(b);
      if (b.length > 3) b[2] |= (byte) 0x80; // a "response", to get past the first check
      if (b.length > 7) {
        b[6] = (byte) 0xff; // 65,535 answers claimed
        b[7] = (byte) 0xff;
      }
      assertBounded(b, b.length);
    }
  }

  /** Parsing {@code len} bytes never throws, and reading only them gives the same result as the bytes cut there. */
  private static void assertBounded(byte[] b, int len) {
    Optional<DnsMessage> m = DnsParser.parse(b, len, false);
    byte[] cut = Arrays.copyOf(b, len);
    byte[] beyond = Arrays.copyOf(cut, len + 64);
    Arrays.fill(beyond, len, beyond.length, (byte) 0xc0);
    assertThat(DnsParser.parse(beyond, len, false)).isEqualTo(m);
    m.ifPresent(x -> {
      assertThat(x.question()).matches("[a-z0-9_.-]+|\\[[0-9a-f:.]+\\]");
      assertThat(x.addresses().size()).isLessThanOrEqualTo(DnsParser.MAX_ANSWERS);
      List<String> names = x.cnames();
      assertThat(names.size()).isLessThanOrEqualTo(DnsParser.MAX_CHAIN + 1);
    });
  }
}
