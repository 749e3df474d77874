package dev.wraith.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What wraith must never print ({@code catalogue/secrets.yaml}): token shapes, the names that hold secrets (flags,
 * assignments, headers, query parameters), the headers whose whole value is secret, the flags whose next argument is a
 * header or an environment assignment, and program-specific short flags. The redactor ({@code dev.wraith.redact}) is
 * the only code that applies them; this record only holds them, validated, and answers what a name is.
 *
 * @param headers lower-case header names whose value runs to the end of the line or the closing quote
 * @param plainHeaders lower-case header names whose value may be shown after a header flag
 * @param programWrappers programs that run the next word as the program ({@code sudo}, {@code env})
 * @param checks whole inputs and the text the redactor must make of them, tested as data
 */
public record SecretRules(
    List<TokenRule> tokens,
    KeyNames keyNames,
    Set<String> headers,
    Set<String> plainHeaders,
    Set<String> headerFlags,
    Set<String> envFlags,
    List<ProgramFlags> programFlags,
    Set<String> programWrappers,
    List<Check> checks) {

  public SecretRules {
    tokens = List.copyOf(tokens);
    headers = Set.copyOf(headers);
    plainHeaders = Set.copyOf(plainHeaders);
    headerFlags = Set.copyOf(headerFlags);
    envFlags = Set.copyOf(envFlags);
    programFlags = List.copyOf(programFlags);
    programWrappers = Set.copyOf(programWrappers);
    checks = List.copyOf(checks);
  }

  /**
   * A token shape. {@code pattern} is matched at a word start (the loader prefixes a guard against a letter or digit
   * right before it); {@code anchors} are literal strings one of which every match holds, so a text holding none is
   * skipped. {@code examples} must be found, {@code notSecrets} must not (checked at load).
   */
  public record TokenRule(String id, String name, Pattern pattern, List<String> anchors, List<String> examples,
      List<String> notSecrets) {
    public TokenRule {
      anchors = List.copyOf(anchors);
      examples = List.copyOf(examples);
      notSecrets = List.copyOf(notSecrets);
    }
  }

  /** Flags that take a secret only for the given programs ({@code mysql -p}, {@code curl -u}). */
  public record ProgramFlags(List<String> programs, List<String> flags) {
    public ProgramFlags {
      programs = List.copyOf(programs);
      flags = List.copyOf(flags);
    }
  }

  /** One input (an argument list, or one free text) and exactly what the redactor must make of it. */
  public record Check(boolean argv, List<String> in, List<String> out) {
    public Check {
      in = List.copyOf(in);
      out = List.copyOf(out);
    }
  }

  /**
   * Names that hold secrets. A name is split into lower-case words at {@code - _ . / :}, spaces and camelCase
   * boundaries; it is key-like when a word is in {@code words} or the letters of the whole name contain one of
   * {@code compounds}, unless its last word is in {@code notSecretSuffixes}. A value starting with one of
   * {@code references} ({@code $OPENAI_API_KEY}, {@code process.env.X}) says where a secret is and is not one.
   */
  public record KeyNames(Set<String> words, List<String> compounds, Set<String> notSecretSuffixes, List<String> references,
      List<String> examples, List<String> notSecrets) {
    public KeyNames {
      words = Set.copyOf(words);
      compounds = List.copyOf(compounds);
      notSecretSuffixes = Set.copyOf(notSecretSuffixes);
      references = List.copyOf(references);
      examples = List.copyOf(examples);
      notSecrets = List.copyOf(notSecrets);
    }

    /** Whether a flag, variable, JSON key, query parameter or header of this name holds a secret. */
    public boolean keyLike(String name) {
      List<String> parts = words(name);
      if (parts.isEmpty() || notSecretSuffixes.contains(parts.get(parts.size() - 1))) return false;
      for (String p : parts) if (words.contains(p)) return true;
      String letters = String.join("", parts);
      for (String c : compounds) if (letters.contains(c)) return true;
      return false;
    }

    /** Whether a value (one word) names the place of a secret rather than being one. */
    public boolean isReference(String value) {
      for (int i = 0; i < value.length(); i++) if (Character.isWhitespace(value.charAt(i))) return false;
      for (String r : references) if (value.startsWith(r)) return true;
      return false;
    }

    /** {@code --OpenAI_apiKey.v2} → [open, ai, api, key, v2]. */
    static List<String> words(String name) {
      List<String> out = new ArrayList<>();
      StringBuilder w = new StringBuilder();
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (!Character.isLetterOrDigit(c)) {
          flush(w, out);
          continue;
        }
        boolean boundary = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
        if (boundary) flush(w, out);
        w.append(c);
      }
      flush(w, out);
      return out;
    }

    private static void flush(StringBuilder w, List<String> out) {
      if (!w.isEmpty()) out.add(w.toString().toLowerCase(Locale.ROOT));
      w.setLength(0);
    }
  }

  /** The program-specific flags of this program ({@code /usr/bin/mysql8.0} counts as {@code mysql}). */
  public List<String> flagsOf(String program) {
    List<String> out = new ArrayList<>();
    for (ProgramFlags p : programFlags) if (p.programs().contains(program)) out.addAll(p.flags());
    return out;
  }
}
