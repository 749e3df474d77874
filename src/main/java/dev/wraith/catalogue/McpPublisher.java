package dev.wraith.catalogue;

import java.util.List;

/**
 * An official or vendor-official MCP server, by the exact names it is published under: npm packages, PyPI
 * projects, container image repositories (registry included, no tag) and remote endpoint hosts. Matching is
 * exact equality after each ecosystem's own normalisation, never a prefix or substring, so
 * {@code @modelcontextprotocol/server-filesystem-evil} is not {@code @modelcontextprotocol/server-filesystem}.
 */
public record McpPublisher(String id, String name, String publisher, List<String> npm, List<String> pypi,
    List<String> images, List<String> hosts) {

  public McpPublisher {
    npm = List.copyOf(npm);
    pypi = List.copyOf(pypi);
    images = List.copyOf(images);
    hosts = List.copyOf(hosts);
  }

  /** npm names are compared as written (the registry refuses upper case in new names). */
  public boolean hasNpm(String pkg) {
    return npm.contains(pkg);
  }

  /** PyPI names compare after PEP 503 normalisation ({@code Mcp_Server.Git} is {@code mcp-server-git}). */
  public boolean hasPypi(String project) {
    String p = Ecosystem.PYPI.normalisePackage(project);
    return pypi.stream().anyMatch(k -> Ecosystem.PYPI.normalisePackage(k).equals(p));
  }

  /**
   * The image's repository equals a catalogue repository, both in {@link ImageName#canonical} form (tag and digest
   * dropped, Docker Hub's implicit {@code docker.io/library/} understood). Unlike {@link ImageName#matches}, no
   * mirror prefix is accepted: a copy in someone else's registry is not the publisher's image.
   */
  public boolean hasImage(String image) {
    String repo = ImageName.canonical(image);
    return images.stream().anyMatch(k -> ImageName.canonical(k).equals(repo));
  }

  /** Hosts compare case-insensitively and whole; a subdomain is a different host. */
  public boolean hasHost(String host) {
    return hosts.stream().anyMatch(h -> h.equalsIgnoreCase(host));
  }
}
