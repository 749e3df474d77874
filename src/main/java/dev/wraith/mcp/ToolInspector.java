package dev.wraith.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wraith.catalogue.McpProbeRules;
import dev.wraith.model.McpTool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges one listed tool from what the server says about it, a pure function: capabilities from the words of its
 * name, description and input schema; warnings for hidden instructions and invisible characters anywhere in that
 * text (parameter descriptions included, and matched with the invisible characters removed, so they cannot split
 * a phrase); and a sha256 of name, description and schema (keys sorted) that changes whenever any of them does.
 */
public final class ToolInspector {
  private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private final McpProbeRules rules;

  public ToolInspector(McpProbeRules rules) {
    this.rules = rules;
  }

  /** {@code schema} is the tool's input schema; a missing one is an empty object. */
  public McpTool inspect(String name, String description, JsonNode schema) {
    List<String> texts = new ArrayList<>(List.of(name, description));
    Set<String> words = new HashSet<>(words(name));
    words.addAll(words(description));
    schemaText(schema, texts, words);
    TreeSet<String> caps = new TreeSet<>();
    for (McpProbeRules.ToolCapability c : rules.toolCapabilities()) {
      if (c.words().stream().anyMatch(words::contains)) caps.add(c.id());
    }
    return new McpTool(name, description, List.copyOf(caps), warnings(String.join("\n", texts)), hash(name, description, schema));
  }

  /** Hidden-instruction and invisible-character warnings for any text an agent will read, in rule order. */
  public List<String> warnings(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder visible = new StringBuilder();
    int[] counts = new int[rules.invisible().size()];
    text.codePoints().forEach(cp -> {
      boolean hidden = false;
      for (int i = 0; i < counts.length; i++) {
        if (rules.invisible().get(i).contains(cp)) {
          counts[i]++;
          hidden = true;
        }
      }
      if (!hidden) visible.appendCodePoint(cp);
    });
    String plain = visible.toString().replaceAll("\\s+", " ");
    for (McpProbeRules.Marker m : rules.injection()) if (m.pattern().matcher(plain).find()) out.add("hidden-instruction: " + m.id());
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) out.add("invisible-unicode: " + rules.invisible().get(i).id() + " (" + counts[i] + ")");
    }
    return out;
  }

  static String hash(String name, String description, JsonNode schema) {
    try {
      String canon = schema == null || schema.isMissingNode() || schema.isNull() ? "{}"
          : CANONICAL.writeValueAsString(CANONICAL.treeToValue(schema, Object.class));
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] d = sha.digest((name + '\u0000' + description + '\u0000' + canon).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(d);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a tool schema", e);
    }
  }

  /**
   * Property names, descriptions and titles count as words; every string in the schema except JSON Schema's own
   * {@code $} keywords ({@code $schema} URLs, {@code $ref}s) is scanned text, since enums and defaults reach the agent too.
   */
  private static void schemaText(JsonNode node, List<String> texts, Set<String> words) {
    if (node == null) return;
    if (node.isObject()) {
      JsonNode props = node.path("properties");
      if (props.isObject()) props.fieldNames().forEachRemaining(p -> {
        texts.add(p);
        words.addAll(words(p));
      });
      node.properties().forEach(e -> {
        if (e.getKey().startsWith("$")) return;
        if (e.getValue().isTextual()) {
          texts.add(e.getValue().asText());
          if (e.getKey().equals("description") || e.getKey().equals("title")) words.addAll(words(e.getValue().asText()));
        } else {
          schemaText(e.getValue(), texts, words);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> {
        if (child.isTextual()) texts.add(child.asText());
        else schemaText(child, texts, words);
      });
    }
  }

  /** Lower-case words, split at anything not a letter or digit and at camelCase humps. */
  static List<String> words(String text) {
    String split = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String w : split.split("[^\\p{L}\\p{Nd}]+", -1)) if (!w.isEmpty()) out.add(w);
    return out;
  }
}
