package dev.wraith.code.config;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Provider;
import dev.wraith.code.Detection;
import dev.wraith.code.PathDetector;
import dev.wraith.code.SourceFile;
import dev.wraith.model.Confidence;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code config/dotenv}: {@code .env} files and their templates ({@code .env.example}, {@code .env.sample},
 * {@code .env.template}, {@code .env.local}, {@code prod.env}, ...). Every {@code NAME=value} line whose name the
 * catalogue ties to a provider is an {@code env-var} finding. The value is only looked at to say whether it is set
 * (attribute {@code set}); it is never kept.
 */
public final class DotenvDetector extends PathDetector {
  private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)$");
  /** {@code .env.d.ts}, {@code .env.json}: code and data files that only share the prefix. */
  private static final Set<String> NOT_DOTENV = Set.of("js", "mjs", "cjs", "ts", "mts", "cts", "tsx", "jsx", "json", "yml", "yaml",
      "py", "go", "java", "rb", "php", "rs", "sh", "toml", "md", "lock", "swp", "bak");

  private final AppConfigRules rules;

  public DotenvDetector(Catalogue catalogue) {
    super("config/dotenv", DotenvDetector::reads);
    this.rules = AppConfigRules.of(catalogue);
  }

  /** Whether the detector reads the file at this relative path (decided on the name alone). */
  private static boolean reads(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.equals(".env")) return true;
    if (name.endsWith(".env")) return name.length() > 4;
    if (!name.startsWith(".env.")) return false;
    return !NOT_DOTENV.contains(name.substring(name.lastIndexOf('.') + 1));
  }

  @Override
  public Detection detect(SourceFile file) {
    List<Finding> findings = new ArrayList<>();
    String[] lines = file.text().split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = ASSIGNMENT.matcher(lines[i]);
      if (!m.matches()) continue;
      Optional<Provider> p = rules.catalogue().providerForEnvVar(m.group(1));
      if (p.isEmpty()) continue;
      Map<String, String> attrs = Map.of("set", String.valueOf(ConfigValues.isSet(withoutComment(m.group(2)))));
      findings.add(new Finding(FindingKind.ENV_VAR, new Location(file.path(), i + 1, 0), p.get().id(), p.get().id(), "",
          Confidence.HIGH, rules.severity(FindingKind.ENV_VAR), m.group(1), Set.of(), attrs));
    }
    return Detection.ofFindings(findings).withEncodingWarning(file);
  }

  /** An unquoted value's trailing {@code # comment} is not part of it. */
  private static String withoutComment(String raw) {
    String v = raw.strip();
    if (v.startsWith("\"") || v.startsWith("'")) return v;
    int hash = v.indexOf(" #");
    return v.startsWith("#") ? "" : hash < 0 ? v : v.substring(0, hash);
  }
}
