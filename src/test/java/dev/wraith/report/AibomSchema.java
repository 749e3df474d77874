package dev.wraith.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * The official CycloneDX 1.6 JSON schema (bom-1.6.schema.json with its spdx and jsf references), read from the
 * cyclonedx-core-java jar that ships it. cyclonedx's own {@code JsonParser.validate} needs json-schema-validator 2.x,
 * while the project pins 1.5.6 for the SARIF schema test, so the same schema files are loaded here with 1.5.6:
 * the schema's {@code http://cyclonedx.org/schema/} ids map to the jar, nothing is fetched.
 */
final class AibomSchema {
  private static final JsonSchema SCHEMA = JsonSchemaFactory
      .getInstance(SpecVersion.VersionFlag.V7,
          b -> b.schemaMappers(m -> m.mapPrefix("http://cyclonedx.org/schema/", "classpath:")))
      .getSchema(java.net.URI.create("http://cyclonedx.org/schema/bom-1.6.schema.json"));

  private AibomSchema() {}

  static Set<ValidationMessage> validate(JsonNode bom) {
    return SCHEMA.validate(bom);
  }
}
