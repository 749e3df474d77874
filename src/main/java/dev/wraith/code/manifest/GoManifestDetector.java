package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import java.util.List;

/**
 * {@code manifest/go}: AI modules required in go.mod. Module paths match exactly, major-version suffix
 * included ({@code /v2} is a different module); go.sum is not read (it also lists modules never built).
 */
public final class GoManifestDetector extends ManifestDetector {
  public GoManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.GO, "manifest/go", List.of(
        ManifestFormat.named(GoMod::parse, "go.mod")));
  }
}
