package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.CodeScan;
import dev.wraith.scan.Registry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the real code layer over a fixture directory and compares what it finds with the expectations
 * written in the fixtures themselves. It fails on missing and on unexpected findings alike, so a file
 * without expectations is a negative fixture: it must produce nothing.
 *
 * <p>Expectation syntax, in a comment on the line(s) above the code it is about:
 * {@code # expect: sdk-client openai-python} (kind, then subject). Several may be stacked or separated by
 * ';'. {@code expect: deploy NAME} expects a deployment identity named NAME starting on the next line.
 * Files that cannot hold comments (JSON) carry a sidecar {@code NAME.expect} with lines
 * {@code LINE: kind subject}.
 */
public final class FixtureHarness {
  private static final Pattern EXPECT = Pattern.compile("(?:#|//|--|<!--|\\*)\\s*expect:\\s*(.+?)\\s*(?:-->)?$");
  private static Catalogue catalogue;

  private FixtureHarness() {}

  public static synchronized Catalogue catalogue() {
    if (catalogue == null) catalogue = CatalogueLoader.bundled();
    return catalogue;
  }

  /** Scans test resource directory {@code dir} (e.g. "code/python") and checks every expectation. */
  public static CodeScan assertFixtures(String dir) {
    Path root = resource(dir);
    CodeScan scan = scan(root);
    TreeSet<String> actual = new TreeSet<>();
    scan.findings().forEach(f -> actual.add(f.location().path() + ":" + f.location().line() + " " + f.kind().id() + " " + f.subject()));
    scan.deployments().forEach(d -> actual.add(d.location().path() + ":" + d.location().line() + " deploy " + d.name()));
    SortedSet<String> expected = expectations(root);
    TreeSet<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    TreeSet<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    assertThat(missing).as("expected but not found in %s", dir).isEmpty();
    assertThat(unexpected).as("found but not expected in %s", dir).isEmpty();
    assertThat(expected).as("a fixture directory must expect something").isNotEmpty();
    return scan;
  }

  public static CodeScan scan(Path root) {
    Catalogue c = catalogue();
    return new CodeScanner(c, Registry.codeDetectors(c), new CodeScanner.Options(List.of(), true, 2)).scan(List.of(root));
  }

  public static Path resource(String dir) {
    try {
      return Path.of(FixtureHarness.class.getResource("/" + dir).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource directory " + dir, e);
    }
  }

  static SortedSet<String> expectations(Path root) {
    TreeSet<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (rel.endsWith(".expect")) {
          String target = rel.substring(0, rel.length() - ".expect".length());
          for (String l : lines) {
            if (l.isBlank() || l.startsWith("#")) continue;
            int colon = l.indexOf(':');
            out.add(target + ":" + l.substring(0, colon).trim() + " " + l.substring(colon + 1).trim());
          }
          continue;
        }
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = EXPECT.matcher(lines.get(i).trim());
          if (m.find()) {
            for (String e : m.group(1).split(";", -1)) if (!e.isBlank()) pending.add(e.trim().replaceAll("\\s+", " "));
          } else if (!pending.isEmpty()) {
            for (String e : pending) out.add(rel + ":" + (i + 1) + " " + e);
            pending.clear();
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
