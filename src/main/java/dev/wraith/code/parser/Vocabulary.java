package dev.wraith.code.parser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One grammar's names as one backend numbers them: node types by symbol and fields by id. Type names are
 * interned, so callers may compare them with {@code ==} or switch on them at no more than a hash lookup; several
 * symbols can share a name (aliases), and callers only ever see names. Immutable and thread-safe.
 */
public final class Vocabulary {
  private final String[] types;
  private final String[] fields;
  private final Map<String, Integer> fieldIds = new HashMap<>();

  /**
   * @param types node type names indexed by the backend's symbol, the error symbol last ("ERROR")
   * @param fields field names indexed by field id; id 0 means "no field"
   */
  Vocabulary(List<String> types, List<String> fields) {
    this.types = types.stream().map(String::intern).toArray(String[]::new);
    this.fields = fields.toArray(String[]::new);
    for (int i = 1; i < fields.size(); i++) fieldIds.putIfAbsent(fields.get(i), i);
  }

  /** The node type name of a symbol, "" for a symbol out of range. */
  public String type(int symbol) {
    return symbol >= 0 && symbol < types.length ? types[symbol] : "";
  }

  /** The backend's id of a field name, or 0 when the grammar has no such field. */
  public int fieldId(String name) {
    Integer id = fieldIds.get(name);
    return id == null ? 0 : id;
  }

  /** A field's name, "" for id 0 or an id out of range. */
  public String fieldName(int id) {
    return id > 0 && id < fields.length ? fields[id] : "";
  }

  /** Splits a NUL-separated UTF-8 name list, as the native library returns it. */
  static List<String> split(byte[] names) {
    List<String> out = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i < names.length; i++) {
      if (names[i] == 0) {
        out.add(new String(names, start, i - start, java.nio.charset.StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return out;
  }
}
