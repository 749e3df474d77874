package dev.wraith.code.manifest;

import dev.wraith.code.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * pnpm-lock.yaml, lockfile versions 5.4 to 9. Each {@code packages} key is one resolved package
 * ({@code /name/1.0.0} in v5, {@code /name@1.0.0} in v6, {@code name@1.0.0} in v9, with an optional
 * {@code (peer@x)} suffix); v9's {@code snapshots} repeat those keys and are not read. Direct packages and
 * their scopes come from {@code importers} (or, in single-project v5/v6 files, the top-level sections).
 */
final class PnpmLock {
  private static final Map<String, String> SECTIONS = Map.of("dependencies", "", "devDependencies", "dev", "optionalDependencies", "optional");

  private PnpmLock() {}

  /** Reads every document: pnpm 9 may put its own package-manager lock in a first document before the project's. */
  static List<Dependency> parse(String text) throws MalformedManifestException {
    List<Dependency> out = new ArrayList<>();
    for (YamlNode doc : Documents.yaml(text)) out.addAll(document(doc));
    return out;
  }

  private static List<Dependency> document(YamlNode root) {
    Map<String, String> directScopes = new HashMap<>();
    boolean knowsDirect = Documents.get(root, "importers").isPresent()
        || SECTIONS.keySet().stream().anyMatch(s -> Documents.get(root, s).isPresent());
    if (Documents.get(root, "importers").orElse(null) instanceof YamlNode.Mapping importers) {
      importers.entries().forEach(i -> direct(i.value(), directScopes));
    } else {
      direct(root, directScopes);
    }
    List<Dependency> out = new ArrayList<>();
    for (YamlNode.Entry e : Documents.entries(root, "packages")) {
      NpmSpec spec = key(e.key());
      YamlNode p = e.value();
      String name = Documents.text(p, "name", spec.name());
      String version = Documents.text(p, "version", spec.range());
      String scope = directScopes.containsKey(name) ? directScopes.get(name) : flags(p);
      String direct = knowsDirect ? String.valueOf(directScopes.containsKey(name)) : "";
      out.add(new Dependency(name, version, scope, direct, e.line()));
    }
    return out;
  }

  /** Splits a packages key into name and version, dropping the leading '/' and any peer suffix. */
  static NpmSpec key(String key) {
    String k = key.startsWith("/") ? key.substring(1) : key;
    int scopeSlash = k.startsWith("@") ? k.indexOf('/') : -1;
    int end = scopeSlash + 1;
    while (end < k.length() && k.charAt(end) != '/' && k.charAt(end) != '@') end++;
    if (end >= k.length()) return new NpmSpec(k, "");
    String name = k.substring(0, end);
    String version = k.substring(end + 1);
    // v5 separates name and version with '/' and appends peers after '_'; v6 and later use '@' and '(peer@x)'
    int peers = k.charAt(end) == '/' ? version.indexOf('_') : version.indexOf('(');
    if (peers > 0) version = version.substring(0, peers);
    return new NpmSpec(name, version);
  }

  private static void direct(YamlNode importer, Map<String, String> into) {
    SECTIONS.forEach((section, scope) -> Documents.entries(importer, section)
        .forEach(n -> into.merge(n.key(), scope, (a, b) -> a.isEmpty() || b.isEmpty() ? "" : a)));
  }

  private static String flags(YamlNode p) {
    if (Documents.flag(p, "dev")) return "dev";
    if (Documents.flag(p, "optional")) return "optional";
    return "";
  }
}
