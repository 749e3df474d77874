package dev.wraith.catalogue;

import dev.wraith.model.FindingKind;
import java.util.List;
import java.util.Locale;

/**
 * Application configuration keys that make a framework build something at start-up: Spring AI's
 * {@code spring.ai.openai.*} gives an OpenAI chat model, {@code spring.ai.mcp.server.*} an MCP server, the
 * LangChain4j starters' {@code langchain4j.open-ai.*} a model. Keys are compared in {@link #canonical} form, so
 * {@code api-key}, {@code apiKey}, {@code api_key} and {@code API_KEY} are one key, as Spring's relaxed binding has it.
 *
 * @param signature the SDK or framework signature the finding is about (its id is the finding's subject)
 * @param provider the provider the keys configure; "" for MCP clients and servers
 * @param kind the finding kind: sdk-client, vector-store, tool (an MCP client hands its servers' tools over) or
 *     mcp-server
 * @param prefixes dotted key prefixes; a key equal to one of them or below it matches
 * @param selectors {@code keyGlob=value} selectors ({@code spring.ai.model.**=openai}); a key matching the glob
 *     ('*' is one segment, '**' one or more) whose value equals the value, ignoring case, matches too
 * @param connections dotted keys whose children are named connections; each child is a finding of its own
 */
public record ConfigKey(
    String id,
    String signature,
    String provider,
    FindingKind kind,
    List<String> prefixes,
    List<Selector> selectors,
    List<String> connections) {

  /** A key glob (compiled, over canonical keys) and the value that selects the entry. */
  public record Selector(java.util.regex.Pattern key, String value) {
    /** Parses {@code keyGlob=value}; the caller has checked there is an '='. */
    public static Selector parse(String spec) {
      int eq = spec.indexOf('=');
      StringBuilder re = new StringBuilder();
      for (String seg : canonical(spec.substring(0, eq)).split("\\.", -1)) {
        if (re.length() > 0) re.append("\\.");
        re.append(seg.equals("**") ? ".+" : seg.equals("*") ? "[^.]+" : java.util.regex.Pattern.quote(seg));
      }
      return new Selector(java.util.regex.Pattern.compile(re.toString()), spec.substring(eq + 1).trim());
    }
  }

  public ConfigKey {
    prefixes = prefixes.stream().map(ConfigKey::canonical).toList();
    selectors = List.copyOf(selectors);
    connections = connections.stream().map(ConfigKey::canonical).toList();
  }

  /** Lower case without '-' and '_', segment by segment: the form every key and prefix is compared in. */
  public static String canonical(String key) {
    StringBuilder b = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != '-' && c != '_') b.append(c);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** The prefix a canonical key falls under, or "" when none. */
  public String prefixOf(String canonicalKey) {
    for (String p : prefixes) {
      if (canonicalKey.equals(p) || (canonicalKey.startsWith(p) && canonicalKey.charAt(p.length()) == '.')) return p;
    }
    return "";
  }

  /** Whether a canonical key set to {@code value} selects this entry through {@link #selectors}. */
  public boolean selectedBy(String canonicalKey, String value) {
    for (Selector sel : selectors) {
      if (sel.value().equalsIgnoreCase(value.trim()) && sel.key().matcher(canonicalKey).matches()) return true;
    }
    return false;
  }

  /** The connections key a canonical key's connection lives under, or "" when it is not in one. */
  public String connectionsOf(String canonicalKey) {
    for (String c : connections) if (canonicalKey.startsWith(c + ".")) return c;
    return "";
  }
}
