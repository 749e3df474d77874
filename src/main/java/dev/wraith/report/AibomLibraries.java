package dev.wraith.report;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Evidence;
import org.cyclonedx.model.component.evidence.Occurrence;

/**
 * AI frameworks and SDKs declared in manifests and lockfiles, as CycloneDX library components with package URLs.
 * A declaration with an exact version (a lockfile entry, {@code ==1.2}, {@code v1.36.1}) gives a versioned purl; a
 * range ({@code ^1.2}, {@code >=0.2}) is kept as a {@code wraith:versionConstraint} property, attached to the
 * package's one exact version when there is exactly one, else to a versionless component. Each library remembers
 * the directories of its manifests, which is how agents are linked to the libraries they ship with.
 */
final class AibomLibraries {
  private static final Pattern EXACT = Pattern.compile("v?\\d[0-9A-Za-z.+_-]*");

  /** A library component and the manifest directories ("" for the root) it was declared in. */
  record Library(Component component, Set<String> directories) {}

  private record Declaration(String type, String namespace, String name, String version, String constraint, Finding finding) {}

  private AibomLibraries() {}

  static List<Library> from(List<Finding> findings) {
    SortedMap<String, List<Declaration>> byPackage = new TreeMap<>();
    for (Finding f : findings) {
      if (f.kind() != FindingKind.DEPENDENCY) continue;
      Declaration d = declaration(f);
      byPackage.computeIfAbsent(d.type() + "/" + d.namespace() + "/" + d.name(), k -> new ArrayList<>()).add(d);
    }
    List<Library> out = new ArrayList<>();
    for (List<Declaration> decls : byPackage.values()) out.addAll(libraries(decls));
    out.sort(java.util.Comparator.comparing(l -> l.component().getBomRef()));
    return out;
  }

  private static List<Library> libraries(List<Declaration> decls) {
    SortedMap<String, List<Declaration>> byVersion = new TreeMap<>();
    List<Declaration> ranges = new ArrayList<>();
    for (Declaration d : decls) {
      if (d.version().isEmpty()) ranges.add(d);
      else byVersion.computeIfAbsent(d.version(), k -> new ArrayList<>()).add(d);
    }
    if (byVersion.size() == 1) byVersion.values().iterator().next().addAll(ranges);
    else if (!ranges.isEmpty()) byVersion.put("", ranges);
    List<Library> out = new ArrayList<>();
    byVersion.forEach((version, group) -> out.add(library(group.get(0), version, group)));
    return out;
  }

  private static Library library(Declaration first, String version, List<Declaration> group) {
    Component c = new Component();
    c.setType(Component.Type.LIBRARY);
    c.setGroup(first.namespace().isEmpty() ? null : first.namespace());
    c.setName(first.name());
    c.setVersion(version.isEmpty() ? null : version);
    String purl = purl(first, version);
    c.setPurl(purl);
    c.setBomRef(purl != null ? purl : "library:" + first.type() + "/" + first.namespace() + "/" + first.name() + "@" + version);
    SortedSet<String> constraints = new TreeSet<>();
    SortedSet<String> entries = new TreeSet<>();
    SortedSet<String> frameworks = new TreeSet<>();
    SortedSet<String> providers = new TreeSet<>();
    SortedSet<String> dirs = new TreeSet<>();
    List<Occurrence> occurrences = new ArrayList<>();
    for (Declaration d : group) {
      if (!d.constraint().isEmpty() && !d.constraint().equals(version)) constraints.add(d.constraint());
      entries.add(d.finding().subject());
      if (!d.finding().framework().isEmpty()) frameworks.add(d.finding().framework());
      if (!d.finding().provider().isEmpty()) providers.add(d.finding().provider());
      dirs.add(directory(d.finding().location().path()));
      occurrences.add(occurrence(d.finding()));
    }
    c.setProperties(new AibomProperties().addAll("catalogueEntry", entries).addAll("framework", frameworks)
        .addAll("provider", providers).addAll("versionConstraint", constraints).build());
    Evidence evidence = new Evidence();
    occurrences.sort(java.util.Comparator.comparing(Occurrence::getLocation)
        .thenComparing(Occurrence::getLine, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    evidence.setOccurrences(occurrences);
    c.setEvidence(evidence);
    return new Library(c, Set.copyOf(dirs));
  }

  private static Declaration declaration(Finding f) {
    String file = f.location().path();
    String base = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String pkg = f.evidence();
    String raw = f.attributes().getOrDefault("version", "").trim();
    String stripped = raw.startsWith("==") ? raw.substring(2).trim() : raw;
    if (base.equals("cargo.toml")) stripped = stripped.startsWith("=") ? stripped.substring(1).trim() : ""; // "0.20" means ^0.20
    String version = EXACT.matcher(stripped).matches() ? stripped : "";
    String type = ecosystem(base);
    return switch (type) {
      case "maven" -> {
        int colon = pkg.indexOf(':');
        yield new Declaration(type, colon < 0 ? "" : pkg.substring(0, colon), pkg.substring(colon + 1), version, raw, f);
      }
      case "npm", "golang" -> {
        int slash = pkg.lastIndexOf('/');
        yield new Declaration(type, slash < 0 ? "" : pkg.substring(0, slash), pkg.substring(slash + 1), version, raw, f);
      }
      case "pypi" -> new Declaration(type, "", Ecosystem.PYPI.normalisePackage(pkg), version, raw, f);
      case "composer" -> { // vendor/name, case-insensitive
        String lower = pkg.toLowerCase(Locale.ROOT);
        int slash = lower.indexOf('/');
        yield new Declaration(type, slash < 0 ? "" : lower.substring(0, slash), lower.substring(slash + 1), version, raw, f);
      }
      case "cargo" -> new Declaration(type, "", pkg.toLowerCase(Locale.ROOT).replace('_', '-'), version, raw, f);
      default -> new Declaration(type, "", pkg, version, raw, f);
    };
  }

  /** The purl type of a manifest or lockfile, by its file name. */
  private static String ecosystem(String base) {
    if (base.equals("pom.xml") || base.startsWith("build.gradle") || base.endsWith(".versions.toml")) return "maven";
    if (base.equals("go.mod") || base.equals("go.sum")) return "golang";
    if (base.equals("package.json") || base.equals("package-lock.json") || base.equals("npm-shrinkwrap.json")
        || base.equals("pnpm-lock.yaml") || base.equals("yarn.lock")) return "npm";
    if (base.startsWith("requirements") || base.equals("pyproject.toml") || base.startsWith("pipfile")
        || base.equals("poetry.lock") || base.equals("uv.lock") || base.equals("setup.py") || base.equals("setup.cfg")
        || base.endsWith(".ipynb")) { // a notebook's %pip install lines
      return "pypi";
    }
    if (base.endsWith(".csproj") || base.endsWith(".fsproj") || base.endsWith(".vbproj") || base.equals("directory.packages.props")
        || base.equals("directory.build.props") || base.equals("directory.build.targets") || base.equals("packages.config")
        || base.equals("packages.lock.json")) {
      return "nuget";
    }
    if (base.equals("gemfile") || base.equals("gemfile.lock") || base.equals("gems.rb") || base.equals("gems.locked")
        || base.endsWith(".gemspec")) {
      return "gem";
    }
    if (base.equals("composer.json") || base.equals("composer.lock")) return "composer";
    if (base.equals("cargo.toml") || base.equals("cargo.lock")) return "cargo";
    return "generic";
  }

  private static String purl(Declaration d, String version) {
    try {
      return new PackageURL(d.type(), d.namespace().isEmpty() ? null : d.namespace(), d.name(),
          version.isEmpty() ? null : version, (TreeMap<String, String>) null, null).canonicalize();
    } catch (MalformedPackageURLException e) {
      return null; // a name purl cannot express; the component keeps its bom-ref and name
    }
  }

  private static Occurrence occurrence(Finding f) {
    Occurrence o = new Occurrence();
    o.setLocation(f.location().path());
    if (f.location().line() > 0) o.setLine(f.location().line());
    Map<String, String> attrs = new TreeMap<>(f.attributes());
    attrs.remove("version");
    StringBuilder context = new StringBuilder(f.attributes().getOrDefault("version", ""));
    attrs.forEach((k, v) -> context.append(context.length() == 0 ? "" : " ").append(k).append('=').append(v));
    if (context.length() > 0) o.setAdditionalContext(context.toString());
    return o;
  }

  static String directory(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
