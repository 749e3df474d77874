package dev.wraith.model;

import java.util.List;

/**
 * A code agent as people deploy it: the AI files of one deployable unit of the scanned tree (a manifest's module, the
 * directory an image is built from, or a plain directory), under a name unique within the scan. {@code scan} and
 * {@code scan-all} both show these, so they agree on how many agents a tree holds and what they are called.
 *
 * @param name unique within one scan; never a bare file name
 * @param dir the unit's directory relative to the scan root ("." for the root)
 * @param naming where the name comes from
 * @param files the files using AI, sorted by path
 * @param declared whether a manifest, Dockerfile or compose build declares the directory (else it is just where loose
 *     files lie, and only those files belong to it)
 */
public record Deployable(String name, String dir, Naming naming, boolean declared, List<CodeAgent> files) {
  /** Where a deployable's name comes from, strongest first. */
  public enum Naming {
    /** The module its manifest declares (pyproject/package.json name, Maven artifactId, Go module, .csproj, Cargo). */
    MODULE,
    /** The workload or compose service that ships the directory. */
    WORKLOAD,
    /** Its directory relative to the scan root. */
    DIRECTORY
  }

  public Deployable {
    files = List.copyOf(files);
  }

  /** "agent" when any file builds one, else the first other role of its files in order of weight. */
  public String role() {
    for (String r : List.of("agent", "mcp-server", "ai-client")) if (files.stream().anyMatch(f -> f.role().equals(r))) return r;
    return "agent-tools";
  }

  public List<String> frameworks() {
    return union(files.stream().flatMap(f -> f.frameworks().stream()).toList());
  }

  public List<String> providers() {
    return union(files.stream().flatMap(f -> f.providers().stream()).toList());
  }

  public List<String> capabilities() {
    return union(files.stream().flatMap(f -> f.capabilities().stream()).toList());
  }

  public List<String> models() {
    return union(files.stream().flatMap(f -> f.models().stream()).toList());
  }

  /** Providers its frameworks default to and that no file names explicitly (CrewAI with no LLM set uses OpenAI). */
  public List<String> impliedProviders() {
    List<String> explicit = providers();
    return union(files.stream().flatMap(f -> f.impliedProviders().stream()).filter(p -> !explicit.contains(p)).toList());
  }

  public Severity severity() {
    return files.stream().map(CodeAgent::severity).max(Enum::compareTo).orElse(Severity.NOTE);
  }

  /** The directory a person would look in: the unit's directory, with a trailing slash ("." for the root). */
  public String path() {
    return dir.equals(".") ? "./" : dir + "/";
  }

  private static List<String> union(List<String> items) {
    return items.stream().distinct().sorted().toList();
  }
}
