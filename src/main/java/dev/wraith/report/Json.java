package dev.wraith.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wraith.redact.RedactingModule;
import dev.wraith.redact.Redactor;

/**
 * The one Jackson configuration reporters share: stable key order, pretty, no empty noise, and every string and map
 * key through the redactor (so a field nobody redacted at its source is redacted here).
 */
final class Json {
  private Json() {}

  static ObjectMapper mapper(Redactor redactor) {
    return new ObjectMapper()
        .registerModule(new RedactingModule(redactor))
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);
  }
}
