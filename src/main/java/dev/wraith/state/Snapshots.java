package dev.wraith.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.wraith.files.Limits;
import dev.wraith.files.Parsers;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import java.util.List;

/**
 * The JSON the database keeps for agent snapshots, roots and layer statuses. Records round-trip exactly (Optional
 * and Instant included); unknown properties are ignored so an older binary can still read a snapshot a newer one
 * wrote within the same schema. Every string written goes through the bundled redactor once more: the inventory was
 * redacted by its layers, and the database file outlives every report.
 */
final class Snapshots {
  /** Records are read back within the shared input limits: a tampered database cannot nest or grow without bound. */
  private static final ObjectMapper MAPPER = new ObjectMapper(Parsers.jsonFactory2(Limits.DEFAULT))
      .registerModule(new dev.wraith.redact.RedactingModule(dev.wraith.redact.Redactor.bundled()))
      .registerModule(new Jdk8Module())
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  private Snapshots() {}

  static String agent(InventoryAgent agent) {
    return write(agent);
  }

  static InventoryAgent agent(String json) {
    return read(json, new TypeReference<InventoryAgent>() {});
  }

  static String strings(List<String> values) {
    return write(values);
  }

  static List<String> strings(String json) {
    return read(json, new TypeReference<List<String>>() {});
  }

  static String layers(List<LayerStatus> layers) {
    return write(layers);
  }

  static List<LayerStatus> layers(String json) {
    return read(json, new TypeReference<List<LayerStatus>>() {});
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a " + value.getClass().getSimpleName() + " for the state database", e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StateException("state database holds a record this wraith cannot read ("
          + Parsers.why(e, "JSON", Limits.DEFAULT) + "); use --state with another file", e);
    }
  }
}
