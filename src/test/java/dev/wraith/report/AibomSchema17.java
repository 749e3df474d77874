package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The official CycloneDX 1.7 JSON schema. cyclonedx-core-java ships it from 13.0 on, which Maven Central does not serve
 * here (12.2.0 is the newest), so the schema comes from the CycloneDX project's npm library
 * (@cyclonedx/cyclonedx-library, pinned in .ci/run, installed into .ci/cyclonedx-schema): its res/schema/ holds the
 * specification's files, references renamed to *.SNAPSHOT.schema.json and the documented editorial fixes (see its
 * README). Outside CI a missing install skips; under CI (CI=true) it fails.
 */
final class AibomSchema17 {
  static final Path DIR = Path.of(".ci/cyclonedx-schema/node_modules/@cyclonedx/cyclonedx-library/res/schema")
      .toAbsolutePath();

  private AibomSchema17() {}

  /** Skips (or, under CI, fails) when the schema is not installed. */
  static void require() {
    boolean present = Files.isRegularFile(DIR.resolve("bom-1.7.SNAPSHOT.schema.json"));
    if ("true".equals(System.getenv("CI"))) {
      assertThat(present).as("run .ci/run: it installs the CycloneDX schemas into .ci/cyclonedx-schema").isTrue();
    } else {
      assumeTrue(present, "skipped: the CycloneDX 1.7 schema is not installed (.ci/run installs it into "
          + ".ci/cyclonedx-schema)");
    }
  }

  static Set<ValidationMessage> validate(JsonNode bom) {
    JsonSchema schema = JsonSchemaFactory
        .getInstance(SpecVersion.VersionFlag.V7,
            b -> b.schemaMappers(m -> m.mapPrefix("http://cyclonedx.org/schema/", DIR.toUri().toString())))
        .getSchema(java.net.URI.create("http://cyclonedx.org/schema/bom-1.7.SNAPSHOT.schema.json"));
    return schema.validate(bom);
  }
}
