package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.SourceFile;
import java.util.List;

/** {@code manifest/packagist}: AI packages of PHP projects ({@code vendor/name}, case-insensitive) in composer.json and composer.lock. */
public final class ComposerManifestDetector extends ManifestDetector {
  public ComposerManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.PACKAGIST);
  }

  @Override
  public String id() {
    return "manifest/packagist";
  }

  @Override
  public boolean accepts(String path) {
    String name = fileName(path);
    return name.equals("composer.json") || name.equals("composer.lock");
  }

  @Override
  List<Dependency> parse(SourceFile file) throws MalformedManifestException {
    return file.name().equals("composer.lock") ? ComposerFiles.lock(text(file)) : ComposerFiles.manifest(text(file));
  }
}
