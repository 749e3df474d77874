package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import java.util.List;

/** {@code manifest/packagist}: AI packages of PHP projects ({@code vendor/name}, case-insensitive) in composer.json and composer.lock. */
public final class ComposerManifestDetector extends ManifestDetector {
  public ComposerManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.PACKAGIST, "manifest/packagist", List.of(
        ManifestFormat.named(ComposerFiles::lock, "composer.lock"),
        ManifestFormat.named(ComposerFiles::manifest, "composer.json")));
  }
}
