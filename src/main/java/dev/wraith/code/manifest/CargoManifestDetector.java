package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.SourceFile;
import java.util.List;

/** {@code manifest/cargo}: AI crates (names compared as crates.io does: '-' = '_', any case) in Cargo.toml and Cargo.lock. */
public final class CargoManifestDetector extends ManifestDetector {
  public CargoManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.CARGO);
  }

  @Override
  public String id() {
    return "manifest/cargo";
  }

  @Override
  public boolean accepts(String path) {
    String name = fileName(path);
    return name.equals("Cargo.toml") || name.equals("Cargo.lock");
  }

  @Override
  List<Dependency> parse(SourceFile file) throws MalformedManifestException {
    return file.name().equals("Cargo.lock") ? CargoFiles.lock(text(file)) : CargoFiles.manifest(text(file));
  }
}
