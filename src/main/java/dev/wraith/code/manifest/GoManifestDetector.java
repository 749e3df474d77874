package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.SourceFile;
import java.util.List;

/**
 * {@code manifest/go}: AI modules required in go.mod. Module paths match exactly, major-version suffix
 * included ({@code /v2} is a different module); go.sum is not read (it also lists modules never built).
 */
public final class GoManifestDetector extends ManifestDetector {
  public GoManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.GO);
  }

  @Override
  public String id() {
    return "manifest/go";
  }

  @Override
  public boolean accepts(String path) {
    return fileName(path).equals("go.mod");
  }

  @Override
  List<Dependency> parse(SourceFile file) {
    return GoMod.parse(text(file));
  }
}
