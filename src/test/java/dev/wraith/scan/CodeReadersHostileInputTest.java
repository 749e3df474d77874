package dev.wraith.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FileDetector;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The code layer's newer readers (notebooks, .env, Spring/Quarkus/Micronaut config, NuGet, RubyGems, Packagist and
 * Cargo manifests) fed what an attacker would commit, up to the walker's 4 MiB file limit: nesting four million deep,
 * one 4 MiB line, an alias bomb, tens of thousands of cells. Every registered detector that accepts the name reads the
 * file within a few seconds without throwing; a file it cannot read is at most one warning per detector naming the
 * file, with none of the file's content (a planted value must not come out through a warning).
 */
class CodeReadersHostileInputTest {
  private static final String CANARY = "wraith-canary-4d1e";
  private static final Catalogue CATALOGUE = FixtureHarness.catalogue();
  private static final List<FileDetector> DETECTORS = Registry.codeDetectors(CATALOGUE);
  /** The walker reads no file larger than this (catalogue/walker.yaml). */
  private static final int MAX = (int) CATALOGUE.walker().maxFileBytes();
  private static final Duration BOUND = Duration.ofSeconds(20);

  /** Every hostile file by its path; the detectors pick them by name. */
  private static Map<String, String> hostile() {
    String deep = "[".repeat(MAX / 2) + "]".repeat(MAX / 2);
    String longLine = CANARY + "x".repeat(MAX - CANARY.length() - 1);
    Map<String, String> f = new TreeMap<>();
    f.put("deep/notebook.ipynb", "{\"cells\":" + deep + "}");
    f.put("deep-source/notebook.ipynb", "{\"cells\":[{\"cell_type\":\"code\",\"source\":" + deep + "}]}");
    f.put("cells/notebook.ipynb", "{\"cells\":[" + String.join(",", java.util.Collections.nCopies(60_000,
        "{\"cell_type\":\"code\",\"source\":\"import openai\\n\"}")) + "]}");
    f.put("long/notebook.ipynb", "{\"cells\":[{\"cell_type\":\"code\",\"source\":\"" + longLine + "\"}]}");
    f.put("cut/notebook.ipynb", "{\"cells\":[{\"cell_type\":\"code\",\"source\":\"" + CANARY);
    f.put("deep/composer.json", "{\"require\":" + deep + "}");
    f.put("deep/composer.lock", "{\"packages\":" + deep + "}");
    f.put("deep/packages.lock.json", "{\"dependencies\":" + deep + "}");
    f.put("deep/Cargo.toml", "[dependencies]\nx = " + "[".repeat(MAX / 2 - 30) + "\n");
    f.put("deep/Cargo.lock", "[[package]]\nname = " + "[".repeat(MAX / 2 - 30) + "\n");
    f.put("deep/app.csproj", "<Project>" + "<a>".repeat(MAX / 8) + "</a>".repeat(MAX / 8) + "</Project>");
    f.put("doctype/app.csproj", "<!DOCTYPE p [<!ENTITY c \"" + CANARY + "\">]><Project><PackageReference "
        + "Include=\"OpenAI\" Version=\"&c;\"/></Project>");
    f.put("long/Gemfile", "gem '" + longLine + "'\n");
    f.put("long/Gemfile.lock", "GEM\n  specs:\n    " + longLine + "\n");
    f.put("deep/src/main/resources/application.yml", "spring: " + deep + "\n");
    f.put("bomb/src/main/resources/application.yml", aliasBomb());
    f.put("deep/src/main/resources/application.properties", "spring.ai.openai.api-key=" + longLine + "\n");
    f.put("long/.env", "OPENAI_API_KEY=" + longLine + "\n");
    f.put("binary/.env", new String(binary(), StandardCharsets.ISO_8859_1));
    return f;
  }

  @Test
  void everyReaderEndsInBoundedTimeWithAtMostOneContentFreeWarning() {
    List<String> read = new ArrayList<>();
    hostile().forEach((path, text) -> {
      SourceFile file = new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
      for (FileDetector d : DETECTORS) {
        if (!d.accepts(path)) continue;
        Detection det = assertTimeoutPreemptively(BOUND, () -> d.detect(file), d.id() + " on " + path);
        assertThat(det.warnings()).as(d.id() + " on " + path).hasSizeLessThanOrEqualTo(1)
            .allSatisfy(w -> assertThat(w).startsWith(path).doesNotContain(CANARY));
        assertThat(det.findings().toString()).as(d.id() + " on " + path).doesNotContain(CANARY);
        read.add(path);
      }
    });
    assertThat(read).as("a detector took each hostile file").containsAll(hostile().keySet());
  }

  /** Nesting cut short is said: a deep manifest is a warning, not a silent empty result. */
  @Test
  void deepManifestsSaySo() {
    for (String path : List.of("deep/composer.json", "deep/packages.lock.json", "deep/Cargo.toml", "deep/notebook.ipynb")) {
      SourceFile file = new SourceFile(path, hostile().get(path).getBytes(StandardCharsets.UTF_8));
      List<String> warnings = new ArrayList<>();
      for (FileDetector d : DETECTORS) if (d.accepts(path)) warnings.addAll(d.detect(file).warnings());
      assertThat(warnings).as(path).isNotEmpty();
    }
  }

  private static String aliasBomb() {
    StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char prev = (char) (c - 1);
      y.append(c).append(": &").append(c).append(" [").append(("*" + prev + ",").repeat(9)).append('*').append(prev)
          .append("]\n");
    }
    return y.append("spring:\n  ai:\n    openai:\n      api-key: ").append(CANARY).append('\n').toString();
  }

  private static byte[] binary() {
    byte[] b = new byte[1 << 20];
    new java.util.Random(7).nextBytes(b);
    return b;
  }
}
