package dev.wraith.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wraith.redact.RedactingModule;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The Jackson configurations reporters share, so no reporter builds its own: every string and map key goes through
 * the redactor (so a field nobody redacted at its source is redacted here), and writing never closes the caller's
 * stream. The three differ only in layout and in which empty values a format's contract leaves out.
 */
final class Json {
  private Json() {}

  /** Indented documents with sorted map keys and no empty noise (command reports, SARIF). */
  static ObjectMapper mapper(Redactor redactor) {
    return base(redactor)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);
  }

  /** Indented documents that keep every property, nulls and empty lists included (inventory.json, wraith mcp). */
  static ObjectMapper complete(Redactor redactor) {
    return base(redactor)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
  }

  /** One value a line (JSON Lines), nulls left out. */
  static ObjectMapper lines(Redactor redactor) {
    return base(redactor).setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
  }

  /** Writes one value and a newline: a whole document, or one line of JSON Lines. The caller's stream stays open. */
  static void write(ObjectMapper mapper, OutputStream out, Object value) throws IOException {
    mapper.writeValue(out, value);
    out.write('\n');
  }

  private static ObjectMapper base(Redactor redactor) {
    return new ObjectMapper()
        .registerModule(new RedactingModule(redactor))
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }
}
