package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import java.util.List;

/**
 * {@code manifest/pypi}: AI packages in requirements and constraints files, pyproject.toml, Pipfile,
 * Pipfile.lock, poetry.lock and uv.lock. Names match the catalogue after PEP 503 normalisation.
 */
public final class PypiManifestDetector extends ManifestDetector {
  public PypiManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.PYPI, "manifest/pypi", List.of(
        ManifestFormat.named(PyprojectToml::parse, "pyproject.toml"),
        ManifestFormat.named(Pipfiles::pipfile, "Pipfile"),
        ManifestFormat.named(Pipfiles::lock, "Pipfile.lock"),
        ManifestFormat.named(PythonLockfiles::poetry, "poetry.lock"),
        ManifestFormat.named(PythonLockfiles::uv, "uv.lock"),
        new ManifestFormat((path, name) -> RequirementsTxt.accepts(path), RequirementsTxt::parse)));
  }
}
