package vn.hcmc.kpi.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published warehouse, read as the dashboard reads it (docs/warehouse.md): the {@code CURRENT}
 * file names a version, each {@code versions/<id>/<table>/} folder of Parquet files becomes one
 * DuckDB view, and the session time zone is Asia/Ho_Chi_Minh (so {@code date_trunc},
 * {@code hour(...)} and casts of instants to dates are local).
 *
 * <pre>{@code
 * var wh = Warehouse.open();                  // $KPI_WAREHOUSE, else data/demo/warehouse
 * wh.query("select * from ward_weekly where ward_code = ?", "26782")
 * }</pre>
 *
 * <p>Unlike the dashboard's SQL console this connection is not sandboxed: it is the analyst's own
 * process. Opening reads {@code CURRENT} once; a later ETL run is seen after {@link #open} again.
 */
public final class Warehouse implements Rich, AutoCloseable {
  /** The environment variable naming the warehouse folder. */
  public static final String ENV = "KPI_WAREHOUSE";

  private static final Set<Statement> RUNNING = ConcurrentHashMap.newKeySet();

  private final Path root;
  private final String version;
  private final List<String> tables;
  private final Connection connection;

  private Warehouse(Path root, String version, List<String> tables, Connection connection) {
    this.root = root;
    this.version = version;
    this.tables = tables;
    this.connection = connection;
  }

  /**
   * Where notebooks read from: {@code $KPI_WAREHOUSE}; else {@code $KPI_HOME/data/demo/warehouse}
   * (the kernel sets KPI_HOME to the project folder); else {@code data/demo/warehouse} under the
   * working folder or its parent (a notebook runs in {@code notebooks/}).
   */
  public static Path defaultPath() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    String home = System.getenv("KPI_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home, "data", "demo", "warehouse").toAbsolutePath().normalize();
    }
    Path here = Path.of("data", "demo", "warehouse").toAbsolutePath();
    if (Files.isDirectory(here)) {
      return here.normalize();
    }
    return Path.of("..", "data", "demo", "warehouse").toAbsolutePath().normalize();
  }

  /** Opens {@link #defaultPath()}. */
  public static Warehouse open() {
    return open(defaultPath().toString());
  }

  /** Opens the current version of the warehouse at {@code path}. */
  public static Warehouse open(String path) {
    Path root = Path.of(path).toAbsolutePath().normalize();
    Path current = root.resolve("CURRENT");
    if (!Files.isRegularFile(current)) {
      throw new IllegalStateException("no warehouse at " + root + " (no CURRENT file). Run ./kpi demo to build the "
          + "demo warehouse, or set " + ENV + " to a warehouse folder.");
    }
    try {
      String version = Files.readString(current).trim();
      Path dir = root.resolve("versions").resolve(version);
      List<String> tables = tableFolders(dir);
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = connection.createStatement()) {
        st.execute("SET TimeZone = 'Asia/Ho_Chi_Minh'");
        for (String table : tables) {
          st.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet("
              + literal(dir.resolve(table) + "/*.parquet") + ")");
        }
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      return new Warehouse(root, version, Collections.unmodifiableList(tables), connection);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the warehouse at " + root + ": " + e.getMessage(), e);
    }
  }

  private static List<String> tableFolders(Path dir) throws IOException {
    List<String> tables = new ArrayList<>();
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path folder : folders) {
        String name = folder.getFileName().toString();
        if (name.matches("[a-z_][a-z0-9_]*")) {
          try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.parquet")) {
            if (files.iterator().hasNext()) {
              tables.add(name);
            }
          }
        }
      }
    }
    Collections.sort(tables);
    return tables;
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** Cancels the queries running now (the kernel calls this when a cell is interrupted). */
  public static void cancelRunning() {
    for (Statement st : RUNNING) {
      try {
        st.cancel();
      } catch (SQLException ignored) {
        // already done
      }
    }
  }

  public Path root() {
    return root;
  }

  /** The id of the version read (the content of CURRENT when opened). */
  public String version() {
    return version;
  }

  /** The tables (views) of this version, sorted. */
  public List<String> tables() {
    return tables;
  }

  /** The DuckDB connection, for anything the helpers do not cover. */
  public Connection connection() {
    return connection;
  }

  /** Runs a query; {@code ?} placeholders take {@code params} in order. */
  public Table query(String sql, Object... params) {
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      RUNNING.add(st);
      try (ResultSet rs = st.executeQuery()) {
        return Table.of(rs);
      } finally {
        RUNNING.remove(st);
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException(e.getMessage() + "\nSQL: " + sql.strip(), e);
    }
  }

  /** The single value of a one-row, one-column query. */
  public Object scalar(String sql, Object... params) {
    return query(sql, params).scalar();
  }

  /** Columns and types of a table. */
  public Table describe(String table) {
    if (!tables.contains(table)) {
      throw new IllegalArgumentException("no table '" + table + "'; tables are " + tables);
    }
    return query("select column_name, column_type from (describe " + table + ")");
  }

  /** Each table with its row count. */
  public Table overview() {
    StringBuilder sql = new StringBuilder();
    for (String t : tables) {
      sql.append(sql.length() == 0 ? "" : " union all ")
          .append("select '").append(t).append("' as \"table\", count(*)::bigint as \"rows\" from ").append(t);
    }
    return sql.length() == 0 ? new Table(List.of("table", "rows"), List.of("VARCHAR", "BIGINT"), List.of())
        : query(sql + " order by 1");
  }

  @Override
  public Map<String, String> mimeBundle() {
    Map<String, String> bundle = new LinkedHashMap<>();
    Table overview = overview();
    bundle.put("text/html", "<p>Warehouse <code>" + Table.escape(root.toString()) + "</code>, version <code>"
        + Table.escape(version) + "</code></p>\n" + overview.toHtml());
    bundle.put("text/plain", toString() + "\n" + overview);
    return bundle;
  }

  @Override
  public String toString() {
    return "Warehouse " + root + " @ " + version;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
  }
}
