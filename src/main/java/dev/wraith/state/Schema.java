package dev.wraith.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a state database to the schema this binary knows, with Flyway migrations from {@code db/migration/common} and
 * the vendor's {@code db/migration/sqlite} or {@code db/migration/postgresql}. A database migrated by a newer wraith is
 * refused before anything is written (its tables may mean something else), and so is one that holds tables but no
 * Flyway history (someone else's). On PostgreSQL, Flyway's advisory lock serialises scanners that migrate at once.
 */
final class Schema {
  static final String HISTORY_TABLE = "flyway_schema_history";

  private Schema() {}

  /**
   * Migrates {@code data} with the dialect's migrations plus {@code extra} locations (tests stand for a newer wraith
   * with them); returns the schema version.
   */
  static String migrate(Dialect dialect, DataSource data, String... extra) throws SQLException {
    refuseForeign(dialect, data);
    List<String> locations = new ArrayList<>(dialect.migrations());
    locations.addAll(List.of(extra));
    Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
        .dataSource(data)
        .locations(locations.toArray(String[]::new))
        .loggers("slf4j") // never the console: history and diff write JSON to stdout
        .failOnMissingLocations(true)
        .table(HISTORY_TABLE)
        .cleanDisabled(true)
        .load();
    refuseNewer(dialect, flyway.info());
    flyway.migrate();
    MigrationInfo current = flyway.info().current();
    return current == null ? "0" : current.getVersion().getVersion();
  }

  /** A database (schema) with tables but no Flyway history is someone else's: never write into it. */
  private static void refuseForeign(Dialect dialect, DataSource data) throws SQLException {
    List<String> tables;
    try (Connection c = data.getConnection()) {
      tables = dialect.tables(c);
    }
    if (tables.isEmpty() || tables.contains(HISTORY_TABLE)) return;
    String names = String.join(", ", tables.subList(0, Math.min(5, tables.size())));
    if (dialect instanceof SqliteDialect) {
      throw new StateException(dialect.where() + " is an SQLite database but not wraith's (tables: " + names
          + "); use --state with another file");
    }
    throw new StateException(dialect.where() + " holds tables that are not wraith's (tables: " + names
        + "); use --state with another database, or give wraith its own schema with ?currentSchema=NAME");
  }

  private static void refuseNewer(Dialect dialect, MigrationInfoService info) {
    MigrationVersion known = null;
    MigrationVersion applied = null;
    for (MigrationInfo m : info.all()) {
      MigrationVersion v = m.getVersion();
      if (v == null) continue; // repeatable migrations have none
      if (m.getState().isResolved() && (known == null || v.compareTo(known) > 0)) known = v;
      if (m.getState().isApplied() && (applied == null || v.compareTo(applied) > 0)) applied = v;
    }
    if (applied != null && (known == null || applied.compareTo(known) > 0)) {
      throw new StateException(dialect.where() + ": schema V" + applied.getVersion()
          + " is newer than this wraith (V" + (known == null ? "0" : known.getVersion())
          + "); upgrade wraith or use --state with another " + (dialect instanceof SqliteDialect ? "file" : "database"));
    }
  }
}
