package dev.wraith.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one Jackson configuration reporters share: stable key order, pretty, no empty noise. */
final class Json {
  private Json() {}

  static ObjectMapper mapper() {
    return new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);
  }
}
