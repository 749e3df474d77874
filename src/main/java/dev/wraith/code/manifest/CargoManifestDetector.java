package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import java.util.List;

/** {@code manifest/cargo}: AI crates (names compared as crates.io does: '-' = '_', any case) in Cargo.toml and Cargo.lock. */
public final class CargoManifestDetector extends ManifestDetector {
  public CargoManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.CARGO, "manifest/cargo", List.of(
        ManifestFormat.named(CargoFiles::lock, "Cargo.lock"),
        ManifestFormat.named(CargoFiles::manifest, "Cargo.toml")));
  }
}
