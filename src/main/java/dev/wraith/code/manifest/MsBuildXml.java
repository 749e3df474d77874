package dev.wraith.code.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;

/**
 * NuGet declarations in MSBuild XML and packages.config: {@code <PackageReference Include="X" Version="1.0"/>}
 * (the version as an attribute or a child element, {@code VersionOverride} winning), central versions
 * ({@code <PackageVersion>} in Directory.Packages.props, scope {@code central}; {@code <GlobalPackageReference>},
 * scope {@code global}) and packages.config's {@code <package id= version=>}. {@code $(Property)} in a version is
 * resolved from the file's own {@code <PropertyGroup>}s; imported files are not read. {@code Update=} only changes
 * a reference declared elsewhere and is not a declaration. {@code PrivateAssets="all"} and
 * {@code developmentDependency="true"} mark build-time packages: scope {@code dev}. Read with {@link SafeXml};
 * a DOCTYPE is refused.
 */
final class MsBuildXml {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");
  private static final Map<String, String> SCOPES = Map.of(
      "packagereference", "", "packageversion", "central", "globalpackagereference", "global", "package", "");

  private MsBuildXml() {}

  /** One package element while it is open: its attributes, then child elements such as {@code <Version>}. */
  private record Element(String kind, Map<String, String> fields, int line) {}

  static List<Dependency> parse(String text) throws MalformedManifestException {
    Walk walk = new Walk();
    SafeXml.walk(text, "a project file", walk);
    List<Dependency> out = new ArrayList<>();
    for (Element e : walk.elements) declared(e, walk.properties, out);
    return out;
  }

  /**
   * The package a project file publishes when its {@code <PropertyGroup>} names it: {@code PackageId}, else
   * {@code AssemblyName} (NuGet's default id), with {@code $(Property)} resolved from the file; "" when neither is
   * written or one is left unresolved (the caller falls back to the project file's name, as MSBuild does).
   */
  static String published(String text) throws MalformedManifestException {
    Walk walk = new Walk();
    SafeXml.walk(text, "a project file", walk);
    for (String property : List.of("packageid", "assemblyname")) {
      String v = resolve(walk.properties.getOrDefault(property, "").trim(), walk.properties);
      if (!v.isEmpty()) return v.contains("$(") ? "" : v;
    }
    return "";
  }

  /** The state of one pass over a document: open elements, text, the package element being read, properties. */
  private static final class Walk extends SafeXml.ElementWalk {
    final Map<String, String> properties = new HashMap<>();
    final List<Element> elements = new ArrayList<>();
    Element open;

    Walk() {
      super(true);
    }

    @Override
    void opened(XMLStreamReader r, String name, String parent) {
      if (open == null && SCOPES.containsKey(name)) open = new Element(name, attributes(r), r.getLocation().getLineNumber());
    }

    @Override
    boolean closed(String name, String value) {
      if (open != null && name.equals(open.kind())) {
        elements.add(open);
        open = null;
      } else if (open != null) {
        open.fields().putIfAbsent(name, value);
      } else if ("propertygroup".equals(stack.peek())) {
        properties.putIfAbsent(name, value);
      }
      return true;
    }
  }

  private static void declared(Element e, Map<String, String> properties, List<Dependency> out) {
    Map<String, String> f = e.fields();
    String names = e.kind().equals("package") ? f.getOrDefault("id", "") : f.getOrDefault("include", "");
    String version = f.getOrDefault("versionoverride", f.getOrDefault("version", ""));
    version = resolve(version, properties);
    String scope = SCOPES.get(e.kind());
    if (f.getOrDefault("privateassets", "").equalsIgnoreCase("all") || f.getOrDefault("developmentdependency", "").equals("true")) {
      scope = scope.isEmpty() ? "dev" : scope;
    }
    for (String name : names.split(";", -1)) {
      String n = resolve(name.trim(), properties);
      if (!n.isEmpty() && !n.contains("$(")) out.add(Dependency.of(n, version, scope, e.line()));
    }
  }

  /** Attribute names lower-cased (MSBuild names are case-insensitive). */
  private static Map<String, String> attributes(XMLStreamReader r) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      out.put(r.getAttributeLocalName(i).toLowerCase(Locale.ROOT), r.getAttributeValue(i).trim());
    }
    return out;
  }

  /** Substitutes {@code $(Name)} from the file's properties, a few rounds deep; unknown ones stay as written. */
  private static String resolve(String value, Map<String, String> properties) {
    String v = value;
    for (int round = 0; round < 5 && v.contains("$("); round++) {
      Matcher m = PROPERTY.matcher(v);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String sub = properties.getOrDefault(m.group(1).toLowerCase(Locale.ROOT), m.group());
        m.appendReplacement(sb, Matcher.quoteReplacement(sub));
      }
      m.appendTail(sb);
      if (sb.length() > 4096 || sb.toString().equals(v)) break;
      v = sb.toString();
    }
    return v;
  }
}
