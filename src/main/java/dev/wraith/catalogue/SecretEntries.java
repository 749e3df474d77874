package dev.wraith.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wraith.catalogue.SecretRules.Check;
import dev.wraith.catalogue.SecretRules.KeyNames;
import dev.wraith.catalogue.SecretRules.ProgramFlags;
import dev.wraith.catalogue.SecretRules.TokenRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code secrets} section as strictly as {@link Entries} reads the rest, and accumulates bundle and overlays:
 * token rules by id (an overlay replaces or adds; {@code disable} removes), every list additively. Each token rule is
 * checked against its own examples at load, so a pattern that stops matching what it is for fails at start-up.
 */
final class SecretEntries {
  /** What the loader puts before every token pattern: no letter or digit right before a token. */
  static final String WORD_START = "(?<![A-Za-z0-9])";
  private static final Set<String> SECTION_KEYS = Set.of("tokens", "keyNames", "headers", "plainHeaders", "headerFlags",
      "envFlags", "programFlags", "programWrappers", "checks");
  private static final Set<String> TOKEN_KEYS = Set.of("id", "name", "pattern", "anchors", "examples", "notSecrets");
  private static final Set<String> NAME_KEYS =
      Set.of("words", "compounds", "notSecretSuffixes", "references", "examples", "notSecrets");
  private static final Pattern LOWER_WORD = Pattern.compile("[a-z0-9]+");
  private static final Pattern FLAG = Pattern.compile("--?[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern HEADER = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final Map<String, TokenRule> tokens = new LinkedHashMap<>();
  private final Set<String> words = new LinkedHashSet<>(), compounds = new LinkedHashSet<>(), suffixes = new LinkedHashSet<>();
  private final List<String> nameExamples = new ArrayList<>(), nameNotSecrets = new ArrayList<>();
  private final Set<String> references = new LinkedHashSet<>();
  private final Set<String> headers = new LinkedHashSet<>(), plainHeaders = new LinkedHashSet<>();
  private final Set<String> headerFlags = new LinkedHashSet<>(), envFlags = new LinkedHashSet<>(), wrappers = new LinkedHashSet<>();
  private final List<ProgramFlags> programFlags = new ArrayList<>();
  private final List<Check> checks = new ArrayList<>();

  /** Adds one file's {@code secrets} section. */
  void read(Entries e, String file, JsonNode n, boolean overlay) {
    e.keys(n, SECTION_KEYS, "secrets");
    for (JsonNode t : n.path("tokens")) token(e, t).ifPresent(r -> {
      if (tokens.containsKey(r.id()) && !overlay) e.problem(r.id(), "duplicate id");
      tokens.put(r.id(), r);
    });
    if (n.has("keyNames")) keyNames(e, n.get("keyNames"));
    for (String h : e.strings(n, "headers")) headers.add(checked(e, "headers", h.toLowerCase(Locale.ROOT), HEADER));
    for (String h : e.strings(n, "plainHeaders")) plainHeaders.add(checked(e, "plainHeaders", h.toLowerCase(Locale.ROOT), HEADER));
    for (String f : e.strings(n, "headerFlags")) headerFlags.add(checked(e, "headerFlags", f, FLAG));
    for (String f : e.strings(n, "envFlags")) envFlags.add(checked(e, "envFlags", f, FLAG));
    wrappers.addAll(e.strings(n, "programWrappers"));
    for (JsonNode p : n.path("programFlags")) {
      e.keys(p, Set.of("programs", "flags"), "programFlags");
      List<String> programs = e.strings(p, "programs");
      List<String> flags = e.strings(p, "flags");
      flags.forEach(f -> checked(e, "programFlags", f, FLAG));
      if (programs.isEmpty() || flags.isEmpty()) e.problem("programFlags", "each entry needs programs and flags");
      programFlags.add(new ProgramFlags(programs, flags));
    }
    for (JsonNode c : n.path("checks")) check(e, c).ifPresent(checks::add);
  }

  /** Removes a token rule; false when there is none of that id. */
  boolean disable(String id) {
    return tokens.remove(id) != null;
  }

  SecretRules rules() {
    return new SecretRules(List.copyOf(tokens.values()),
        new KeyNames(words, List.copyOf(compounds), suffixes, List.copyOf(references), nameExamples, nameNotSecrets), headers, plainHeaders,
        headerFlags, envFlags, programFlags, wrappers, checks);
  }

  /** Every rule holds what it says: names classify as their examples say (tokens were checked as they were read). */
  void validate(List<String> problems) {
    KeyNames names = rules().keyNames();
    for (String x : names.examples()) if (!names.keyLike(x)) problems.add("secrets.keyNames: example '" + x + "' is not key-like");
    for (String x : names.notSecrets()) if (names.keyLike(x)) problems.add("secrets.keyNames: '" + x + "' is key-like but listed in notSecrets");
    if (tokens.isEmpty()) problems.add("secrets: no token rules");
  }

  private Optional<TokenRule> token(Entries e, JsonNode n) {
    String id = e.required(n, "id");
    e.keys(n, TOKEN_KEYS, id);
    String source = e.text(n, "pattern", id);
    Pattern p;
    try {
      p = Pattern.compile(WORD_START + "(?:" + source + ")");
    } catch (PatternSyntaxException ex) {
      e.problem(id, "pattern does not compile: " + CatalogueLoader.firstLine(ex.getMessage()));
      return Optional.empty();
    }
    List<String> anchors = e.strings(n, "anchors");
    List<String> examples = e.strings(n, "examples");
    List<String> notSecrets = e.strings(n, "notSecrets");
    if (anchors.isEmpty()) e.problem(id, "needs anchors (literal text every match holds)");
    for (String a : anchors) if (a.length() < 2) e.problem(id, "anchor '" + a + "' is shorter than 2 characters");
    if (examples.isEmpty()) e.problem(id, "needs examples");
    for (String x : examples) {
      Matcher m = p.matcher(x);
      if (!m.find()) e.problem(id, "pattern does not find its example '" + x + "'");
      else if (anchors.stream().noneMatch(m.group()::contains) && anchors.stream().noneMatch(x::contains)) {
        e.problem(id, "example '" + x + "' holds none of the anchors");
      }
    }
    for (String x : notSecrets) if (p.matcher(x).find()) e.problem(id, "pattern finds its non-secret '" + x + "'");
    return Optional.of(new TokenRule(id, e.text(n, "name", id), p, anchors, examples, notSecrets));
  }

  private void keyNames(Entries e, JsonNode n) {
    e.keys(n, NAME_KEYS, "keyNames");
    for (String w : e.strings(n, "words")) words.add(checked(e, "keyNames.words", w, LOWER_WORD));
    for (String w : e.strings(n, "compounds")) compounds.add(checked(e, "keyNames.compounds", w, LOWER_WORD));
    for (String w : e.strings(n, "notSecretSuffixes")) suffixes.add(checked(e, "keyNames.notSecretSuffixes", w, LOWER_WORD));
    references.addAll(e.strings(n, "references"));
    nameExamples.addAll(e.strings(n, "examples"));
    nameNotSecrets.addAll(e.strings(n, "notSecrets"));
  }

  private Optional<Check> check(Entries e, JsonNode n) {
    e.keys(n, Set.of("argv", "text", "out"), "checks");
    boolean argv = n.has("argv");
    if (argv == n.has("text") || !n.has("out") || argv != n.get("out").isArray()) {
      e.problem("checks", "each check needs argv (a list) or text, and out of the same kind: "
          + CatalogueLoader.firstLine(n.toString()));
      return Optional.empty();
    }
    List<String> in = argv ? e.strings(n, "argv") : List.of(n.path("text").asText(""));
    List<String> out = argv ? e.strings(n, "out") : List.of(n.path("out").asText(""));
    return Optional.of(new Check(argv, in, out));
  }

  private static String checked(Entries e, String where, String value, Pattern shape) {
    if (!shape.matcher(value).matches()) e.problem(where, "'" + value + "' is not a valid entry");
    return value;
  }
}
