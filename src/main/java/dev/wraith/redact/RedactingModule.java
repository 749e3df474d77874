package dev.wraith.redact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Jackson module that writes every string value and every map key through {@link Redactor#text}: registered on each
 * mapper that writes user output (reports, the state database, {@code /observations}, AgentReport objects), so a
 * field nobody thought of redacting is redacted anyway. Redaction is idempotent, so strings that were redacted at
 * their source come out the same. Trees ({@link JsonNode}) bypass serializers; {@link #redactTree} covers them.
 */
public final class RedactingModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public RedactingModule(Redactor redactor) {
    super("wraith-redaction");
    addSerializer(String.class, new JsonSerializer<String>() {
      @Override
      public void serialize(String value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(redactor.text(value));
      }

      /** As Jackson's own: "" is empty, so {@code Include.NON_EMPTY} leaves it out as before. */
      @Override
      public boolean isEmpty(SerializerProvider provider, String value) {
        return value == null || value.isEmpty();
      }
    });
    addKeySerializer(String.class, new JsonSerializer<String>() {
      @Override
      public void serialize(String key, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeFieldName(redactor.text(key));
      }
    });
  }

  /** The same tree with every text value and field name redacted (for documents built as trees, e.g. CycloneDX). */
  public static JsonNode redactTree(JsonNode node, Redactor redactor) {
    if (node.isTextual()) {
      String t = redactor.text(node.asText());
      return t.equals(node.asText()) ? node : TextNode.valueOf(t);
    }
    if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) a.set(i, redactTree(a.get(i), redactor));
      return a;
    }
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      fields.addAll(o.properties());
      o.removeAll();
      for (Map.Entry<String, JsonNode> f : fields) o.set(redactor.text(f.getKey()), redactTree(f.getValue(), redactor));
      return o;
    }
    return node;
  }
}
