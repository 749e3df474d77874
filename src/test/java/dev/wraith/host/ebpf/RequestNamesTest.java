package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * The first bytes of real clients (Java's and OpenSSL's TLS stacks, HTTP/1 requests and proxy CONNECTs) reduced to
 * names, and hostile bytes: truncated, oversized lengths, garbage. Nothing throws, nothing but the names survives.
 */
class RequestNamesTest {
  static byte[] javaClientHello(String host) throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, null, null);
    SSLEngine e = ctx.createSSLEngine(host, 443);
    e.setUseClientMode(true);
    SSLParameters p = e.getSSLParameters();
    p.setServerNames(List.of(new SNIHostName(host)));
    e.setSSLParameters(p);
    ByteBuffer out = ByteBuffer.allocate(e.getSession().getPacketBufferSize());
    e.wrap(ByteBuffer.allocate(0), out);
    return Arrays.copyOf(out.array(), out.position());
  }

  /** OpenSSL's ClientHello, from Python's ssl module over memory BIOs (no network). */
  static byte[] opensslClientHello(String host) throws Exception {
    String py = "import ssl,sys\nc=ssl.create_default_context()\ni=ssl.MemoryBIO();o=ssl.MemoryBIO()\n"
        + "s=c.wrap_bio(i,o,server_hostname='" + host + "')\ntry:\n s.do_handshake()\nexcept ssl.SSLWantReadError:\n pass\n"
        + "sys.stdout.buffer.write(o.read())\n";
    Process p = new ProcessBuilder(python(), "-c", py).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] b = p.getInputStream().readAllBytes();
    p.waitFor(20, TimeUnit.SECONDS);
    return b;
  }

  static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  @Test
  void sniOfJavasClientHello() throws Exception {
    byte[] hello = javaClientHello("api.openai.com");
    assertThat(RequestNames.of(hello, hello.length)).isEqualTo(new RequestName.Sni("api.openai.com"));
  }

  @Test
  void sniOfOpensslsClientHello() throws Exception {
    byte[] hello = opensslClientHello("Generativelanguage.GoogleAPIs.com");
    assumeTrue(hello.length > 100, "python3 with ssl needed to make an OpenSSL ClientHello");
    assertThat(RequestNames.of(hello, hello.length)).isEqualTo(new RequestName.Sni("generativelanguage.googleapis.com"));
  }

  @Test
  void helloCutBeforeItsServerNameSaysSo() throws Exception {
    byte[] hello = javaClientHello("api.openai.com");
    assertThat(RequestNames.of(hello, 60)).isInstanceOf(RequestName.None.class)
        .extracting(n -> ((RequestName.None) n).why()).asString().contains("cut at 60 bytes");
  }

  @Test
  void connectLineOfAProxiedClient() {
    byte[] b = "CONNECT api.anthropic.com:443 HTTP/1.1\r\nHost: api.anthropic.com:443\r\nProxy-Authorization: Basic c2VjcmV0\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII);
    RequestName n = RequestNames.of(b, b.length);
    assertThat(n).isEqualTo(new RequestName.ProxyConnect("api.anthropic.com", 443));
    assertThat(n.toString()).doesNotContain("c2VjcmV0");
  }

  @Test
  void plainHttpKeepsMethodHostAndPathOnly() {
    byte[] b = ("POST /v1/chat/completions?api_key=sk-proj-FAKEFAKEFAKEFAKEFAKE HTTP/1.1\r\nAuthorization: Bearer sk-FAKE\r\n"
        + "Host: Models.Internal:8080\r\nContent-Length: 30\r\n\r\n{\"prompt\":\"top secret prompt\"}").getBytes(StandardCharsets.US_ASCII);
    RequestName n = RequestNames.of(b, b.length);
    assertThat(n).isEqualTo(new RequestName.HttpRequest("POST", "models.internal", "/v1/chat/completions"));
    assertThat(n.toString()).doesNotContain("sk-").doesNotContain("secret").doesNotContain("Bearer");
  }

  @Test
  void absoluteFormToAPlainProxyNamesTheHost() {
    byte[] b = "GET http://ollama.internal:11434/api/generate HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(RequestNames.of(b, b.length)).isEqualTo(new RequestName.HttpRequest("GET", "ollama.internal", "/api/generate"));
  }

  @Test
  void headersAfterTheCaptureAreNotGuessed() {
    byte[] b = "GET /v1/models HTTP/1.1\r\nUser-Agent: x\r\nHost: api.openai".getBytes(StandardCharsets.US_ASCII);
    assertThat(RequestNames.of(b, b.length)).isEqualTo(new RequestName.HttpRequest("GET", "", "/v1/models"));
  }

  @Test
  void otherProtocolsAndHostileNamesAreNone() {
    for (String s : List.of("SSH-2.0-OpenSSH_9.2\r\n", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "\u0000\u0001binary",
        "CONNECT <script>:443 HTTP/1.1\r\n\r\n", "GET /\u0007bell HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n")) {
      byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
      RequestName n = RequestNames.of(b, b.length);
      if (n instanceof RequestName.HttpRequest h) assertThat(h.host()).isEmpty();
      else assertThat(n).isInstanceOf(RequestName.None.class);
    }
    assertThat(RequestNames.of(new byte[0], 0)).isEqualTo(new RequestName.None("no bytes written"));
  }

  @Test
  void everyTruncationOfAClientHelloIsHandled() throws Exception {
    byte[] hello = javaClientHello("api.openai.com");
    for (int n = 0; n <= hello.length; n++) assertBounded(hello, n);
  }

  @Test
  void flippedBytesOversizedLengthsAndGarbageNeverThrow() throws Exception {
    byte[] hello = javaClientHello("api.openai.com");
    byte[] http = "GET /v1/x HTTP/1.1\r\nHost: api.openai.com\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    Random r = new Random(56);
    for (int i = 0; i < 30_000; i++) {
      byte[] b = (i % 2 == 0 ? hello : http).clone();
      for (int k = 1 + r.nextInt(6); k > 0; k--) b[r.nextInt(b.length)] = (byte) (r.nextBoolean() ? 0xff : r.nextInt(256));
      assertBounded(b, b.length);
    }
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[r.nextInt(2100)];
      r.nextBytes(b);
      if (b.length > 3 && r.nextBoolean()) {
        b[0] = 22;
        b[1] = 3;
        b[2] = 1;
      }
      assertBounded(b, b.length);
    }
  }

  /** Never throws; reads nothing past len; whatever name comes out is a clean hostname. */
  private static void assertBounded(byte[] b, int len) {
    RequestName n = RequestNames.of(b, len);
    byte[] beyond = Arrays.copyOf(Arrays.copyOf(b, len), len + 300);
    Arrays.fill(beyond, len, beyond.length, (byte) 'x');
    assertThat(RequestNames.of(beyond, len)).isEqualTo(n);
    String host = n instanceof RequestName.Sni s ? s.host()
        : n instanceof RequestName.ProxyConnect c ? c.host() : n instanceof RequestName.HttpRequest h ? h.host() : "";
    assertThat(host).matches("[a-z0-9_.-]*|\\[[0-9a-f:.]+\\]");
    if (n instanceof RequestName.HttpRequest h) assertThat(h.path()).hasSizeLessThanOrEqualTo(RequestNames.MAX_PATH).doesNotContain("?");
  }
}
