package dev.wraith.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What differs between the two databases the state can live in: how to connect, where the vendor's migrations are,
 * how a transaction starts and ends, which failures are worth a retry, and how a failure reads to the user. Every SQL
 * statement of the store itself is the same on both.
 */
sealed interface Dialect permits SqliteDialect, PostgresDialect {
  /** Migrations both databases share (none yet: V1 differs in how ids are generated). */
  String COMMON_MIGRATIONS = "classpath:db/migration/common";

  /** The store's location, as messages name it. */
  StateLocation location();

  /** The data source; may create the file (SQLite) but never the database (PostgreSQL). */
  DataSource dataSource();

  /** Flyway locations: the common migrations and this vendor's. */
  List<String> migrations();

  /** A query of the names of the tables in the schema wraith would write to, sorted. */
  String tablesQuery();

  /** Tables in the schema wraith would write to, to refuse one that holds someone else's tables. */
  default List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(tablesQuery())) {
      while (rs.next()) tables.add(rs.getString(1));
    }
    return tables;
  }

  /** Starts a transaction: a write one takes what it needs to serialise with other writers. */
  void begin(Connection c, boolean write) throws SQLException;

  void commit(Connection c) throws SQLException;

  /** Rolls back; never throws (the failure that led here is the one to report). */
  void rollback(Connection c);

  /** Whether a failed write transaction may simply be run again (serialisation failure, deadlock). */
  boolean retryable(Throwable failure);

  /** One plain sentence about the failure, naming the location and what to do. */
  StateException translate(String doing, Throwable failure);

  /** "state database X" for messages. */
  default String where() {
    return "state database " + location().display();
  }
}
