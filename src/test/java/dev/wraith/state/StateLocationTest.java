package dev.wraith.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --state values: a file, or a PostgreSQL URL that never carries a password. */
class StateLocationTest {
  @Test
  void anythingButAPostgresUrlIsAFile() {
    assertThat(StateLocation.parse("/var/lib/wraith/inventory.db"))
        .isEqualTo(new StateLocation.SqliteFile(Path.of("/var/lib/wraith/inventory.db")));
    assertThat(StateLocation.parse("ci.db").display()).isEqualTo("ci.db");
    assertThatThrownBy(() -> StateLocation.parse(" ")).isInstanceOf(StateException.class).hasMessageContaining("is empty");
  }

  @Test
  void postgresUrlsWithDefaultsAndAllowedParameters() {
    assertThat(StateLocation.parse("postgresql://db.internal/wraith"))
        .isEqualTo(new StateLocation.Postgres("db.internal", 5432, "wraith", "", new java.util.TreeMap<>()));
    StateLocation.Postgres pg = (StateLocation.Postgres) StateLocation.parse(
        "postgres://scanner@[::1]:6432/inventory?sslmode=verify-full&currentSchema=wraith");
    assertThat(pg.host()).isEqualTo("::1");
    assertThat(pg.port()).isEqualTo(6432);
    assertThat(pg.user()).isEqualTo("scanner");
    assertThat(pg.parameters()).isEqualTo(Map.of("sslmode", "verify-full", "currentSchema", "wraith"));
    assertThat(pg.display()).isEqualTo("postgresql://scanner@[::1]:6432/inventory?currentSchema=wraith&sslmode=verify-full");
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
    for (String url : new String[] {"postgresql://scanner:hunter2@db/wraith", "postgresql://scanner@db/wraith?password=hunter2",
        "postgresql://db/wraith?sslpassword=hunter2"}) {
      assertThatThrownBy(() -> StateLocation.parse(url)).isInstanceOf(StateException.class)
          .hasMessageContaining("WRAITH_STATE_PASSWORD_FILE, WRAITH_STATE_PASSWORD or PGPASSWORD, or use ~/.pgpass")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
    assertThatThrownBy(() -> StateLocation.parse("postgresql://scanner:hunter2@db:x/wraith"))
        .isInstanceOf(StateException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void malformedUrlsAreNamed() {
    assertThatThrownBy(() -> StateLocation.parse("postgresql://db.internal")).hasMessageContaining("names no database");
    assertThatThrownBy(() -> StateLocation.parse("postgresql:///wraith")).hasMessageContaining("names no host");
    assertThatThrownBy(() -> StateLocation.parse("postgresql://db/wraith?sslfactory=x"))
        .hasMessageContaining("unknown URL parameter 'sslfactory' (allowed: ApplicationName, connectTimeout, "
            + "currentSchema, socketTimeout, sslcert, sslkey, sslmode, sslrootcert)");
  }
}
