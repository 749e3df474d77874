package dev.wraith.code.manifest;

import dev.wraith.code.Detection;
import dev.wraith.code.FileDetector;
import dev.wraith.code.SourceFile;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.model.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared contract of the manifest detectors: read every accepted file regardless of triggers, parse it
 * into {@link Dependency} values, keep the ones the catalogue knows. A malformed file, or any parser failure,
 * becomes one warning naming the file and a short reason; nothing escapes {@link #detect}.
 */
abstract class ManifestDetector implements FileDetector {
  private final DependencyIndex index;

  ManifestDetector(Catalogue catalogue, Ecosystem ecosystem) {
    this.index = new DependencyIndex(catalogue, ecosystem);
  }

  /** Parses one accepted file; its name decides the format. */
  abstract List<Dependency> parse(SourceFile file) throws MalformedManifestException;

  /** The file as text, without the byte-order mark some Windows editors write (JSON and XML parsers reject it). */
  static String text(SourceFile file) {
    String t = file.text();
    return t.startsWith("\uFEFF") ? t.substring(1) : t;
  }

  /** The last path segment. */
  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Override
  public final Detection detect(SourceFile file) {
    List<Dependency> deps;
    try {
      deps = parse(file);
    } catch (MalformedManifestException e) {
      return Detection.warning(file.path() + ": malformed " + file.name() + ": " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) { // hostile input must not stop the scan or leak content
      System.getLogger(ManifestDetector.class.getName()).log(System.Logger.Level.DEBUG, "parsing " + file.path(), e);
      return Detection.warning(file.path() + ": cannot parse " + file.name() + ": " + (e instanceof StackOverflowError
          ? "nested too deeply to follow" : "an internal error (run with --debug for details)"));
    }
    Map<String, Finding> findings = new LinkedHashMap<>();
    for (Dependency d : deps) {
      index.finding(file.path(), d).ifPresent(f -> findings.putIfAbsent(f.location().line() + "|" + f.evidence(), f));
    }
    return Detection.ofFindings(List.copyOf(findings.values())).withModule(file.path(), ModuleNames.of(file))
        .withEncodingWarning(file);
  }
}
