package vn.hcmc.kpi.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * The test warehouse the etl module's build writes (system property {@code fixture.warehouse}), and
 * plain DuckDB access to its Parquet, independent of the dashboard's code, to compute expected values.
 */
public final class Fixture {

  private Fixture() {
  }

  public static Path warehouse() {
    String path = System.getProperty("fixture.warehouse");
    if (path == null || !Files.isRegularFile(Path.of(path, "CURRENT"))) {
      throw new IllegalStateException("No fixture warehouse at " + path
          + " (system property fixture.warehouse): build the etl module first, it writes it");
    }
    return Path.of(path);
  }

  public static String currentVersion(Path warehouse) {
    try {
      return Files.readString(warehouse.resolve("CURRENT")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code read_parquet(...)} of a table of the published version, for direct queries. */
  public static String table(Path warehouse, String table) {
    return "read_parquet('" + warehouse.resolve("versions").resolve(currentVersion(warehouse)).resolve(table)
        + "/*.parquet')";
  }

  /** A plain DuckDB connection (not the dashboard's) with the session time zone of the contract. */
  public static Connection duckdb() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'Asia/Ho_Chi_Minh'");
    }
    return connection;
  }

  /** A unit and complete week of the fixture that has a previous week with data, chosen from the data. */
  public record WardWeek(String wardCode, LocalDate weekStart) {
  }

  public static WardWeek completeWeekWithPrevious(Path warehouse) throws SQLException {
    String weekly = table(warehouse, "ward_weekly");
    try (Connection db = duckdb(); Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery("SELECT w.ward_code, w.week_start FROM " + weekly + " w JOIN "
            + weekly + " p ON p.ward_code = w.ward_code AND p.week_start = w.week_start - INTERVAL 7 DAY"
            + " WHERE NOT w.partial ORDER BY w.ward_code, w.week_start DESC LIMIT 1")) {
      if (!row.next()) {
        throw new IllegalStateException("fixture has no complete week with a previous week");
      }
      return new WardWeek(row.getString(1), row.getObject(2, LocalDate.class));
    }
  }

  /** Copies a whole warehouse (CURRENT and versions/) to {@code target}. */
  public static void copy(Path warehouse, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(warehouse)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path destination = target.resolve(warehouse.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /**
   * Publishes a new version of the warehouse at {@code root} as the ETL does: a copy of the current
   * version with {@code received} of one unit and week increased by {@code delta}, then CURRENT
   * replaced atomically.
   */
  public static void publishWithReceivedChanged(Path root, String newVersion, WardWeek wardWeek, long delta)
      throws IOException, SQLException {
    Path current = root.resolve("versions").resolve(currentVersion(root));
    Path next = root.resolve("versions").resolve(newVersion);
    copy(current, next);
    Path weekly = next.resolve("ward_weekly");
    try (Stream<Path> files = Files.list(weekly)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.delete(file);
      }
    }
    try (Connection db = duckdb(); Statement copy = db.createStatement()) {
      copy.execute("COPY (SELECT * REPLACE (CASE WHEN ward_code = '" + wardWeek.wardCode().replace("'", "''")
          + "' AND week_start = DATE '" + wardWeek.weekStart() + "' THEN received + " + delta
          + " ELSE received END AS received) FROM read_parquet('" + current.resolve("ward_weekly")
          + "/*.parquet')) TO '" + weekly.resolve("part-0.parquet") + "' (FORMAT parquet)");
    }
    Files.writeString(root.resolve("CURRENT.tmp"), newVersion + "\n");
    Files.move(root.resolve("CURRENT.tmp"), root.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
