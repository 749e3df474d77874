package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import java.util.List;

/**
 * {@code manifest/npm}: AI packages in package.json, package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml and
 * yarn.lock. npm names match exactly: {@code @types/openai} or {@code openai-edge} are other packages.
 */
public final class NpmManifestDetector extends ManifestDetector {
  public NpmManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.NPM, "manifest/npm", List.of(
        ManifestFormat.named(PackageJson::manifest, "package.json"),
        ManifestFormat.named(PnpmLock::parse, "pnpm-lock.yaml"),
        ManifestFormat.named(YarnLock::parse, "yarn.lock"),
        ManifestFormat.named(PackageJson::lock, "package-lock.json", "npm-shrinkwrap.json")));
  }
}
