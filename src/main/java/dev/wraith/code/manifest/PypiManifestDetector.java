package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.SourceFile;
import java.util.List;

/**
 * {@code manifest/pypi}: AI packages in requirements and constraints files, pyproject.toml, Pipfile,
 * Pipfile.lock, poetry.lock and uv.lock. Names match the catalogue after PEP 503 normalisation.
 */
public final class PypiManifestDetector extends ManifestDetector {
  public PypiManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.PYPI);
  }

  @Override
  public String id() {
    return "manifest/pypi";
  }

  @Override
  public boolean accepts(String path) {
    return switch (fileName(path)) {
      case "pyproject.toml", "Pipfile", "Pipfile.lock", "poetry.lock", "uv.lock" -> true;
      default -> RequirementsTxt.accepts(path);
    };
  }

  @Override
  List<Dependency> parse(SourceFile file) throws MalformedManifestException {
    String text = text(file);
    return switch (file.name()) {
      case "pyproject.toml" -> PyprojectToml.parse(text);
      case "Pipfile" -> Pipfiles.pipfile(text);
      case "Pipfile.lock" -> Pipfiles.lock(text);
      case "poetry.lock" -> PythonLockfiles.poetry(text);
      case "uv.lock" -> PythonLockfiles.uv(text);
      default -> RequirementsTxt.parse(file.path(), text);
    };
  }
}
