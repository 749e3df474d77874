package dev.wraith.code;

import dev.wraith.catalogue.Ecosystem;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import dev.wraith.model.ModelUse;
import java.util.List;

/**
 * What one detector found in one file, plus warnings about the file (parse errors, odd encodings), the module a
 * manifest declares (its name names the deployable its directory holds) and the package it publishes.
 */
public record Detection(List<Finding> findings, List<Deployment> deployments, List<ModelUse> models, List<String> warnings,
    List<ModuleName> modules, List<Published> published) {
  public static final Detection EMPTY = new Detection(List.of(), List.of(), List.of(), List.of());

  /** A manifest's module: {@code manifest} is the file's path relative to the scan root. */
  public record ModuleName(String manifest, String name) {}

  /**
   * The package a manifest publishes, as the catalogue spells packages of its ecosystem: {@code name} is the package
   * (a Go module's whole path, a Maven artifactId) and {@code group} a Maven groupId ("" elsewhere, and when the
   * manifest leaves it to an enclosing build). Never written to a code inventory: it decides which units are an AI
   * library's own source ({@link LibrarySources}) when the tree is scanned.
   */
  public record Published(String manifest, Ecosystem ecosystem, String group, String name) {
    public Published {
      if (manifest == null || ecosystem == null || group == null || name == null) {
        throw new NullPointerException("published package fields are never null");
      }
    }
  }

  public Detection {
    findings = List.copyOf(findings);
    deployments = List.copyOf(deployments);
    models = List.copyOf(models);
    warnings = List.copyOf(warnings);
    modules = List.copyOf(modules);
    published = List.copyOf(published);
  }

  public Detection(List<Finding> findings, List<Deployment> deployments, List<ModelUse> models, List<String> warnings) {
    this(findings, deployments, models, warnings, List.of(), List.of());
  }

  /** This detection, naming the module its manifest declares. */
  public Detection withModule(String manifest, String name) {
    if (name.isBlank()) return this;
    return new Detection(findings, deployments, models, warnings, List.of(new ModuleName(manifest, name.strip())), published);
  }

  /** This detection with the package its manifest publishes (nothing when both parts are blank). */
  public Detection withPublished(Published p) {
    if (p.group().isBlank() && p.name().isBlank()) return this;
    return new Detection(findings, deployments, models, warnings, modules, List.of(p));
  }

  public static Detection ofFindings(List<Finding> findings) {
    return new Detection(findings, List.of(), List.of(), List.of());
  }

  /** This detection, plus a warning when the file was not valid UTF-8 (its undecodable bytes were replaced). */
  public Detection withEncodingWarning(SourceFile file) {
    if (file.isValidUtf8()) return this;
    List<String> w = new java.util.ArrayList<>(warnings);
    w.add(file.path() + ": not valid UTF-8; undecodable bytes were replaced");
    return new Detection(findings, deployments, models, w, modules, published);
  }

  /** This detection plus the given warnings (e.g. a parse limit that cut the file's tree short). */
  public Detection withWarnings(List<String> more) {
    if (more.isEmpty()) return this;
    List<String> w = new java.util.ArrayList<>(warnings);
    w.addAll(more);
    return new Detection(findings, deployments, models, w, modules, published);
  }

  public static Detection warning(String warning) {
    return new Detection(List.of(), List.of(), List.of(), List.of(warning));
  }
}
