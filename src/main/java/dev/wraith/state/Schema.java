package dev.wraith.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a state database to the schema this binary knows, with Flyway migrations from {@code db/migration}. A
 * database migrated by a newer wraith is refused before anything is written: its tables may mean something else.
 */
final class Schema {
  static final String MIGRATIONS = "classpath:db/migration";
  private static final String HISTORY_TABLE = "flyway_schema_history";

  private Schema() {}

  /** Migrates {@code data} (at {@code file}) with the migrations under {@code locations}; returns the schema version. */
  static String migrate(Path file, DataSource data, String... locations) throws SQLException {
    refuseForeign(file, data);
    Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
        .dataSource(data)
        .locations(locations)
        .loggers("slf4j") // never the console: history and diff write JSON to stdout
        .failOnMissingLocations(true)
        .table(HISTORY_TABLE)
        .cleanDisabled(true)
        .load();
    refuseNewer(file, flyway.info());
    flyway.migrate();
    MigrationInfo current = flyway.info().current();
    return current == null ? "0" : current.getVersion().getVersion();
  }

  /** An SQLite file with tables but no Flyway history is someone else's database: never write into it. */
  private static void refuseForeign(Path file, DataSource data) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = data.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (rs.next()) tables.add(rs.getString(1));
    }
    if (!tables.isEmpty() && !tables.contains(HISTORY_TABLE)) {
      throw new StateException("state database " + file + " is an SQLite database but not wraith's (tables: "
          + String.join(", ", tables.subList(0, Math.min(5, tables.size()))) + "); use --state with another file");
    }
  }

  private static void refuseNewer(Path file, MigrationInfoService info) {
    MigrationVersion known = null;
    MigrationVersion applied = null;
    for (MigrationInfo m : info.all()) {
      MigrationVersion v = m.getVersion();
      if (v == null) continue; // repeatable migrations have none
      if (m.getState().isResolved() && (known == null || v.compareTo(known) > 0)) known = v;
      if (m.getState().isApplied() && (applied == null || v.compareTo(applied) > 0)) applied = v;
    }
    if (applied != null && (known == null || applied.compareTo(known) > 0)) {
      throw new StateException("state database " + file + ": schema V" + applied.getVersion()
          + " is newer than this wraith (V" + (known == null ? "0" : known.getVersion())
          + "); upgrade wraith or use --state with another file");
    }
  }
}
