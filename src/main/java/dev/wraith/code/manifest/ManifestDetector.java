package dev.wraith.code.manifest;

import dev.wraith.code.Detection;
import dev.wraith.code.FindingKey;
import dev.wraith.code.PathDetector;
import dev.wraith.code.SourceFile;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.model.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The shared contract of the manifest detectors: read every accepted file regardless of triggers, parse it
 * into {@link Dependency} values, keep the ones the catalogue knows. A malformed file, or any parser failure,
 * becomes one warning naming the file and a short reason; nothing escapes {@link #detect}.
 */
abstract class ManifestDetector extends PathDetector {
  private final DependencyIndex index;
  private final Ecosystem ecosystem;
  private final List<ManifestFormat> formats;

  /** {@code formats}: tried in order; the last one also reads a file none of them names. */
  ManifestDetector(Catalogue catalogue, Ecosystem ecosystem, String id, List<ManifestFormat> formats) {
    super(id, anyOf(List.copyOf(formats)));
    this.index = new DependencyIndex(catalogue, ecosystem);
    this.ecosystem = ecosystem;
    this.formats = List.copyOf(formats);
  }

  private static Predicate<String> anyOf(List<ManifestFormat> formats) {
    ManifestFormat[] all = formats.toArray(ManifestFormat[]::new);
    return path -> {
      String name = ManifestFormat.fileName(path);
      for (ManifestFormat f : all) if (f.accepts().test(path, name)) return true;
      return false;
    };
  }

  /** The file as text, without the byte-order mark some Windows editors write (JSON and XML parsers reject it). */
  static String text(SourceFile file) {
    String t = file.text();
    return t.startsWith("\uFEFF") ? t.substring(1) : t;
  }

  /** Parses one file with the first format that names it; its name decides the format. */
  private List<Dependency> parse(SourceFile file) throws MalformedManifestException {
    ManifestFormat format = formats.get(formats.size() - 1);
    for (ManifestFormat f : formats) {
      if (f.accepts().test(file.path(), file.name())) {
        format = f;
        break;
      }
    }
    return format.parser().parse(file.path(), text(file));
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
    // one finding per package and line: every finding here is a dependency whose subject the package name decides
    Map<FindingKey, Finding> findings = new LinkedHashMap<>();
    for (Dependency d : deps) {
      index.finding(file.path(), d).ifPresent(f -> findings.putIfAbsent(FindingKey.of(f), f));
    }
    ModuleNames.Declared self = ModuleNames.declared(file);
    return Detection.ofFindings(List.copyOf(findings.values())).withModule(file.path(), self.module())
        .withPublished(new Detection.Published(file.path(), ecosystem, self.group(), self.pkg()))
        .withEncodingWarning(file);
  }
}
