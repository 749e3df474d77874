package dev.wraith.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.files.Limits;
import dev.wraith.files.Parsers;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * How the cluster collector reads Kubernetes JSON and YAML (snapshots, kubeconfigs, audit logs) with wraith's one
 * JSON library, and hands an object to fabric8's model classes (fabric8 keeps its own JSON library inside).
 *
 * <p>The readers are as strict as the collector has always been: a value followed by more than whitespace fails,
 * and so does a YAML mapping that names a key twice. A field is read as text only when it holds a scalar: an object
 * or an array where a name is due counts as absent, like a missing field.
 */
final class KubeJson {
  /** Turns a tree into plain maps, lists, strings and numbers, which fabric8 converts into its model classes. */
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private KubeJson() {}

  /** JSON within {@code limits}; trailing content after the value fails. */
  static ObjectMapper json(Limits limits) {
    return Parsers.json2(limits).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** YAML within {@code limits}; a key twice in one mapping, or trailing content, fails. */
  static ObjectMapper yaml(Limits limits) {
    return new ObjectMapper(Parsers.yamlFactory2(limits).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The field's text when it holds a string, number or boolean; {@code orElse} when it is absent, null or a container. */
  static String text(JsonNode field, String orElse) {
    return field.isValueNode() && !field.isNull() ? field.asText() : orElse;
  }

  /**
   * The field as an int: an integer within int's range, a fraction truncated when in range, or a string holding a
   * plain int; {@code orElse} for anything else (absent, null, boolean, container, out of range).
   */
  static int integer(JsonNode field, int orElse) {
    if (field.isIntegralNumber()) return field.canConvertToInt() ? field.intValue() : orElse;
    if (field.isNumber()) {
      double d = field.doubleValue();
      return d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE ? (int) d : orElse;
    }
    if (field.isTextual()) {
      try {
        return Integer.parseInt(field.asText());
      } catch (NumberFormatException e) {
        return orElse;
      }
    }
    return orElse;
  }

  /**
   * The object as fabric8's model class {@code type}.
   *
   * @throws IllegalArgumentException when a field has the wrong shape for the kind's schema
   */
  static <T> T convert(KubernetesSerialization serialization, JsonNode object, Class<T> type) {
    return serialization.convertValue(PLAIN.convertValue(object, Object.class), type);
  }
}
