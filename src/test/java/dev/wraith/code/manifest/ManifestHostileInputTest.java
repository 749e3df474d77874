package dev.wraith.code.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FileDetector;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests are attacker-controlled: no file or network reads, no blow-ups, no content in warnings. */
class ManifestHostileInputTest {
  private static final String CANARY = "wraith-canary-7f3a9c";
  private static final Catalogue CATALOGUE = FixtureHarness.catalogue();
  private static final FileDetector PYPI = new PypiManifestDetector(CATALOGUE);
  private static final FileDetector NPM = new NpmManifestDetector(CATALOGUE);
  private static final FileDetector MAVEN = new MavenManifestDetector(CATALOGUE);

  @Test
  void pomWithExternalEntitiesReadsNoFileAndNoUrl(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, CANARY);
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
      String pom = """
          <?xml version="1.0"?>
          <!DOCTYPE project [
            <!ENTITY xxe SYSTEM "%s">
            <!ENTITY %% remote SYSTEM "%s">
            %%remote;
          ]>
          <project><dependencies><dependency>
            <groupId>com.openai</groupId><artifactId>openai-java</artifactId><version>&xxe;</version>
          </dependency></dependencies></project>
          """.formatted(secret.toUri(), url);
      Detection d = MAVEN.detect(file("pom.xml", pom));
      assertThat(d.findings()).isEmpty();
      assertThat(d.warnings()).singleElement().asString()
          .startsWith("pom.xml: malformed pom.xml: ").contains("DOCTYPE").doesNotContain(CANARY);

      Detection external = MAVEN.detect(file("pom.xml", "<!DOCTYPE project SYSTEM \"" + url + "\"><project/>"));
      assertThat(external.findings()).isEmpty();
      assertThat(external.warnings()).hasSize(1);
      assertThat(requests.get()).as("HTTP requests made while parsing").isZero();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void malformedFilesBecomeOneWarningWithoutTheirContent() {
    String token = "npm_" + CANARY;
    assertWarnsCleanly(NPM, "package.json", "{\"dependencies\": {\"openai\": \"" + token);
    assertWarnsCleanly(NPM, "package-lock.json", "{\"packages\": [" + token + "}");
    assertWarnsCleanly(NPM, "pnpm-lock.yaml", "packages:\n  openai@4.0.0: {\n  " + token + ": [\n");
    assertWarnsCleanly(PYPI, "pyproject.toml", "[project]\ndependencies = [\"openai\", " + token + "\n");
    assertWarnsCleanly(PYPI, "Pipfile.lock", "{\"default\": " + token);
    assertWarnsCleanly(MAVEN, "pom.xml", "<project><dependencies><dependency>" + token + "</dependencies>");
    assertWarnsCleanly(MAVEN, "libs.versions.toml", "[libraries]\nx = { module = " + token);
  }

  @Test
  void yamlAliasBombsStayCheap() {
    StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char prev = (char) (c - 1);
      y.append(c).append(": &").append(c).append(" [").append(("*" + prev + ",").repeat(9)).append('*').append(prev).append("]\n");
    }
    y.append("packages:\n  openai@4.0.0:\n    resolution: {integrity: x}\n");
    Detection d = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> NPM.detect(file("pnpm-lock.yaml", y.toString())));
    assertThat(d.findings()).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String json = "[".repeat(100_000);
    Detection d = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> NPM.detect(file("package-lock.json", json)));
    assertThat(d.findings()).isEmpty();
    assertThat(d.warnings()).hasSize(1);
    Detection yaml = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> NPM.detect(file("pnpm-lock.yaml", "packages: " + "[".repeat(50_000))));
    assertThat(yaml.warnings()).hasSize(1);
    Detection toml = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> PYPI.detect(file("pyproject.toml", "x = " + "[".repeat(50_000))));
    assertThat(toml.warnings()).hasSize(1);
  }

  @Test
  void emptyAndOddFilesAreQuiet() {
    for (String name : new String[] {"package.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock"}) {
      assertThat(NPM.detect(file(name, "")).findings()).isEmpty();
    }
    assertThat(NPM.detect(file("package.json", "[1, 2]")).warnings()).isEmpty();
    assertThat(PYPI.detect(file("pyproject.toml", "project = 3")).warnings()).isEmpty();
    assertThat(MAVEN.detect(file("build.gradle", "\"\"\"::'''\n/* unterminated")).findings()).isEmpty();
  }

  private static void assertWarnsCleanly(FileDetector d, String name, String text) {
    Detection det = d.detect(file("app/" + name, text));
    assertThat(det.findings()).as(name).isEmpty();
    assertThat(det.warnings()).as(name).singleElement().asString().startsWith("app/" + name + ": ").doesNotContain(CANARY);
  }

  private static SourceFile file(String path, String text) {
    return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
  }
}
