package vn.hcmc.kpi.dashboard.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import vn.hcmc.kpi.dashboard.security.Pseudonyms;
import vn.hcmc.kpi.dashboard.security.Viewer;
import vn.hcmc.kpi.dashboard.sql.SqlResult.Column;
import vn.hcmc.kpi.dashboard.sql.SqlResult.Outcome;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/**
 * The SQL console's database: for each published version, its own in-memory DuckDB (apart from the
 * dashboard's), locked down in this order: {@code allowed_directories} = the version folder,
 * {@code enable_external_access=false}, {@code autoinstall/autoload_known_extensions=false},
 * {@code memory_limit}, {@code threads}, no spilling to disk ({@code temp_directory=''}); then the
 * pseudonymised views; then {@code lock_configuration=true}.
 *
 * <p>Views: one per published table. Every officer id column ({@code officer_id}, {@code *_officer_id})
 * holds the pseudonym instead (the same as on pages, {@link Pseudonyms}); {@code officers} has no
 * {@code display_name}; {@code rejects} has no {@code raw} (input lines carry ids and names). The
 * id→pseudonym table behind the views is named with a leading {@code _}, which the guard refuses.
 *
 * <p>Each query: {@link SqlGuard} first (its verdict on the exact text is kept per version, {@link KeptByText});
 * then it runs as {@code SELECT * FROM (<query>) LIMIT rowLimit+1} ({@link #wrap}) on its own connection,
 * cancelled from a timer at the time limit; the result of a deterministic query is kept for the version and
 * answers the same text again; every request is audited.
 */
@Component
public class SqlSandbox {

  static final String MAP_TABLE = "_officer_pseudonyms";

  private static final Logger LOG = LoggerFactory.getLogger(SqlSandbox.class);

  private final Warehouse warehouse;
  private final Pseudonyms pseudonyms;
  private final SqlSettings settings;
  private final SqlAudit audit;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "sql-console-timer");
    thread.setDaemon(true);
    return thread;
  });

  private Database current;

  public SqlSandbox(Warehouse warehouse, Pseudonyms pseudonyms, SqlSettings settings, SqlAudit audit) {
    this.warehouse = warehouse;
    this.pseudonyms = pseudonyms;
    this.settings = settings;
    this.audit = audit;
  }

  public SqlSettings settings() {
    return settings;
  }

  /** Runs (or refuses) {@code sql} for the signed-in viewer and audits it. */
  public SqlResult run(String sql) {
    Viewer viewer = Viewer.current();
    long start = System.nanoTime();
    SqlResult result;
    String version = null;
    Database database = null;
    try {
      database = acquire();
      version = database.version;
      result = execute(database, sql == null ? "" : sql, start);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("SQL console failure", e);
      result = new SqlResult(version, Outcome.FAILED, "the query failed: " + firstLine(e.getMessage()), List.of(),
          List.of(), millis(start), settings.rowLimit());
    } finally {
      if (database != null) {
        database.release();
      }
    }
    audit.append(new SqlAudit.Entry(SqlAudit.now(), viewer.username(), viewer.role() == null ? null : viewer.role().name(),
        sql, result.outcome().name(), result.outcome().hasRows() ? result.rows().size() : null, result.millis(),
        result.outcome() == Outcome.REFUSED, result.message(), result.warehouseVersion()));
    return result;
  }

  /** How many results the current version's console keeps (tests). */
  int keptResults() {
    Database database = acquire();
    try {
      return database.results.size();
    } finally {
      database.release();
    }
  }

  /** Tables and their columns as the console sees them (for the schema browser). */
  public Map<String, List<Column>> schema() {
    Database database = acquire();
    try (Connection connection = database.connection.duplicate(); Statement statement = connection.createStatement()) {
      Map<String, List<Column>> schema = new LinkedHashMap<>();
      for (String table : database.tables) {
        List<Column> columns = new ArrayList<>();
        try (ResultSet row = statement.executeQuery("DESCRIBE " + table)) {
          while (row.next()) {
            columns.add(new Column(row.getString("column_name"), row.getString("column_type")));
          }
        }
        schema.put(table, columns);
      }
      return schema;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      database.release();
    }
  }

  private SqlResult execute(Database database, String sql, long start) throws SQLException {
    String wrapped = wrap(sql, settings.rowLimit());
    SqlGuard.Verdict known = database.verdicts.get(sql);
    if (known != null && known.deterministic()) {
      SqlResult kept = database.results.get(sql);
      if (kept != null) { // answered without a connection
        return new SqlResult(kept.warehouseVersion(), kept.outcome(), kept.message(), kept.columns(), kept.rows(),
            millis(start), kept.rowLimit());
      }
    }
    try (DuckDBConnection connection = (DuckDBConnection) database.connection.duplicate()) {
      SqlGuard.Verdict verdict = known;
      if (verdict == null) {
        verdict = SqlGuard.verdict(connection, sql, wrapped, database.tables, database.consistentFunctions);
        database.verdicts.put(sql, verdict);
      }
      if (verdict.refusal().isPresent()) {
        return new SqlResult(database.version, Outcome.REFUSED, verdict.refusal().get(), List.of(), List.of(),
            millis(start), settings.rowLimit());
      }
      SqlResult result = query(connection, wrapped, database.version, start);
      if (verdict.deterministic() && result.outcome().hasRows()
          && (long) result.rows().size() * Math.max(1, result.columns().size()) <= KEPT_RESULT_MAX_CELLS) {
        database.results.put(sql, new SqlResult(result.warehouseVersion(), result.outcome(), result.message(),
            List.copyOf(result.columns()), result.rows().stream().map(java.util.Collections::unmodifiableList).toList(),
            result.millis(), result.rowLimit()));
      }
      return result;
    }
  }

  /** The text that runs: the query without trailing semicolons, one row over the limit (to tell it was cut). */
  static String wrap(String sql, int rowLimit) {
    String trimmed = sql.strip();
    while (trimmed.endsWith(";")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
    }
    return "SELECT * FROM (\n" + trimmed + "\n) AS console_query LIMIT " + (rowLimit + 1L);
  }

  /**
   * Why verdicts and results are kept per version ({@link KeptByText}): the guard's parse of a query (and of
   * its wrapped text) costs more than running a small query, and a verdict depends only on the exact text and
   * the version's tables. A result depends on nothing else either when the query calls only functions that
   * DuckDB itself declares CONSISTENT, samples nothing and reads no table function ({@link SqlGuard.Verdict}),
   * because a published version's files never change (issue 10's load bench, README "Dashboard load").
   */
  static final int KEPT_VERDICTS = 1_000;
  static final int KEPT_RESULTS = 100;
  /**
   * Rows × columns of a result that is kept at most: 100 such results are at most 2 M values (tens of MB of
   * heap per version at worst; a ward-week table of a few columns fits, a year of ward-weeks does not).
   */
  static final int KEPT_RESULT_MAX_CELLS = 20_000;

  private SqlResult query(DuckDBConnection connection, String wrapped, String version, long start) {
    AtomicBoolean timedOut = new AtomicBoolean();
    try (Statement statement = connection.createStatement()) {
      ScheduledFuture<?> cancel = timer.schedule(() -> {
        timedOut.set(true);
        try {
          statement.cancel();
        } catch (SQLException | RuntimeException e) {
          LOG.warn("could not cancel a console query", e);
        }
      }, settings.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
      try (ResultSet result = statement.executeQuery(wrapped)) {
        ResultSetMetaData meta = result.getMetaData();
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(new Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (result.next()) {
          if (rows.size() == settings.rowLimit()) {
            truncated = true;
            break;
          }
          List<Object> row = new ArrayList<>(columns.size());
          for (int i = 1; i <= columns.size(); i++) {
            row.add(value(result, meta, i));
          }
          rows.add(row);
        }
        if (timedOut.get()) {
          return timeout(version, start);
        }
        return new SqlResult(version, truncated ? Outcome.TRUNCATED : Outcome.OK, truncated
            ? "row limit reached: only the first " + settings.rowLimit() + " rows are returned (add LIMIT or aggregate)"
            : null, columns, rows, millis(start), settings.rowLimit());
      } finally {
        cancel.cancel(false);
      }
    } catch (SQLException e) {
      if (timedOut.get() || String.valueOf(e.getMessage()).contains("INTERRUPT")) {
        return timeout(version, start);
      }
      String message = firstLine(e.getMessage());
      if (message.toLowerCase(Locale.ROOT).contains("out of memory")) {
        return new SqlResult(version, Outcome.MEMORY, "the query needs more memory than the console's limit ("
            + settings.memoryLimit() + "): aggregate, filter or add LIMIT (" + message + ")", List.of(), List.of(),
            millis(start), settings.rowLimit());
      }
      return new SqlResult(version, Outcome.FAILED, message, List.of(), List.of(), millis(start), settings.rowLimit());
    }
  }

  private SqlResult timeout(String version, long start) {
    return new SqlResult(version, Outcome.TIMEOUT, "cancelled: the query ran longer than the time limit ("
        + settings.timeLimit().toSeconds() + " s)", List.of(), List.of(), millis(start), settings.rowLimit());
  }

  private static Object value(ResultSet result, ResultSetMetaData meta, int column) throws SQLException {
    Object value = result.getObject(column);
    if (value == null) {
      return null;
    }
    return switch (meta.getColumnType(column)) {
      case Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.DOUBLE,
          Types.REAL -> value instanceof Number || value instanceof Boolean ? value : result.getString(column);
      default -> result.getString(column);
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private synchronized Database acquire() {
    String[] seen = new String[1];
    Path[] directory = new Path[1];
    List<String> tables = warehouse.read(snapshot -> {
      seen[0] = snapshot.versionId();
      directory[0] = snapshot.directory();
      return snapshot.tables();
    });
    if (current == null || !current.version.equals(seen[0])) {
      Database opened = open(seen[0], directory[0], tables);
      if (current != null) {
        current.release();
      }
      current = opened;
    }
    current.references.incrementAndGet();
    return current;
  }

  private Database open(String version, Path directory, List<String> tables) {
    try {
      DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET GLOBAL TimeZone = 'Asia/Ho_Chi_Minh'");
        // no spilling to disk: a query over the memory limit fails instead (must precede external access off)
        statement.execute("SET temp_directory = ''");
        statement.execute("SET allowed_directories = [" + literal(directory + "/") + "]");
        statement.execute("SET enable_external_access = false");
        // the version's files never change: keep their footers instead of re-reading them per query
        statement.execute("SET parquet_metadata_cache = true");
        statement.execute("SET autoinstall_known_extensions = false");
        statement.execute("SET autoload_known_extensions = false");
        statement.execute("SET memory_limit = " + literal(settings.memoryLimit()));
        statement.execute("SET threads = " + settings.threads());
        Map<String, List<String>> officerColumns = new LinkedHashMap<>();
        for (String table : tables) {
          List<String> columns = new ArrayList<>();
          try (ResultSet row = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + files(directory, table) + ")")) {
            while (row.next()) {
              String name = row.getString("column_name");
              if (name.equals("officer_id") || name.endsWith("_officer_id")) {
                columns.add(name);
              }
            }
          }
          officerColumns.put(table, columns);
        }
        statement.execute("CREATE TABLE " + MAP_TABLE + " (officer_id VARCHAR PRIMARY KEY, pseudonym VARCHAR NOT NULL)");
        Set<String> ids = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> table : officerColumns.entrySet()) {
          for (String column : table.getValue()) {
            try (ResultSet row = statement.executeQuery("SELECT DISTINCT " + column + " FROM read_parquet("
                + files(directory, table.getKey()) + ") WHERE " + column + " IS NOT NULL")) {
              while (row.next()) {
                ids.add(row.getString(1));
              }
            }
          }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + MAP_TABLE + " VALUES (?, ?)")) {
          for (String id : ids) {
            insert.setString(1, id);
            insert.setString(2, pseudonyms.of(id));
            insert.addBatch();
          }
          insert.executeBatch();
        }
        List<String> published = new ArrayList<>();
        for (String table : tables) {
          // small tables without officer columns (weekly figures, units, procedures…: what most console
          // queries read) are held in memory, as the dashboard's own database holds them: a view decodes
          // its files again on every query
          boolean inMemory = officerColumns.get(table).isEmpty() && !PER_DOSSIER.contains(table)
              && parquetBytes(directory.resolve(table)) <= IN_MEMORY_BELOW;
          statement.execute((inMemory ? "CREATE TABLE " : "CREATE VIEW ") + table + " AS "
              + viewSql(directory, table, officerColumns.get(table)));
          published.add(table);
        }
        Set<String> consistent = SqlGuard.consistentFunctions(connection);
        statement.execute("SET lock_configuration = true");
        return new Database(version, connection, Set.copyOf(published), consistent);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the SQL console's database for " + version + ": " + e.getMessage(), e);
    }
  }

  /** Tables with a row per dossier, event, task or pause: always views. */
  private static final Set<String> PER_DOSSIER = Set.of("dossiers", "events", "tasks", "pauses");
  /** Parquet bytes up to which a table without officer columns is held in memory. */
  private static final long IN_MEMORY_BELOW = 16L << 20;

  private static long parquetBytes(Path folder) {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum();
    } catch (java.io.IOException e) {
      return Long.MAX_VALUE; // unknown: keep it a view
    }
  }

  private static String viewSql(Path directory, String table, List<String> officerColumns) {
    String source = "read_parquet(" + files(directory, table) + ") t";
    List<String> replaced = new ArrayList<>();
    for (String column : officerColumns) {
      replaced.add("(SELECT p.pseudonym FROM " + MAP_TABLE + " p WHERE p.officer_id = t." + column + ") AS " + column);
    }
    String replace = replaced.isEmpty() ? "" : " REPLACE (" + String.join(", ", replaced) + ")";
    return switch (table) {
      case "officers" -> "SELECT * EXCLUDE (display_name)" + replace + " FROM " + source;
      case "rejects" -> "SELECT * EXCLUDE (raw)" + replace + " FROM " + source;
      default -> "SELECT *" + replace + " FROM " + source;
    };
  }

  private static String files(Path directory, String table) {
    return literal(directory.resolve(table) + "/*.parquet");
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @PreDestroy
  synchronized void close() {
    timer.shutdownNow();
    if (current != null) {
      current.release();
      current = null;
    }
  }

  /** One version's console database, reference counted like the dashboard's. */
  private static final class Database {

    final String version;
    final DuckDBConnection connection;
    final Set<String> tables;
    final Set<String> consistentFunctions;
    final KeptByText<SqlGuard.Verdict> verdicts = new KeptByText<>(KEPT_VERDICTS);
    final KeptByText<SqlResult> results = new KeptByText<>(KEPT_RESULTS);
    final AtomicInteger references = new AtomicInteger(1);

    Database(String version, DuckDBConnection connection, Set<String> tables, Set<String> consistentFunctions) {
      this.version = version;
      this.connection = connection;
      this.tables = tables;
      this.consistentFunctions = consistentFunctions;
    }

    void release() {
      if (references.decrementAndGet() == 0) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // nobody uses it any more
        }
      }
    }
  }
}
