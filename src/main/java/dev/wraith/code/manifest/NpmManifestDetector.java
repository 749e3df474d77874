package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.SourceFile;
import java.util.List;

/**
 * {@code manifest/npm}: AI packages in package.json, package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml and
 * yarn.lock. npm names match exactly: {@code @types/openai} or {@code openai-edge} are other packages.
 */
public final class NpmManifestDetector extends ManifestDetector {
  public NpmManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.NPM);
  }

  @Override
  public String id() {
    return "manifest/npm";
  }

  @Override
  public boolean accepts(String path) {
    return switch (fileName(path)) {
      case "package.json", "package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock" -> true;
      default -> false;
    };
  }

  @Override
  List<Dependency> parse(SourceFile file) throws MalformedManifestException {
    String text = text(file);
    return switch (file.name()) {
      case "package.json" -> PackageJson.manifest(text);
      case "pnpm-lock.yaml" -> PnpmLock.parse(text);
      case "yarn.lock" -> YarnLock.parse(text);
      default -> PackageJson.lock(text);
    };
  }
}
