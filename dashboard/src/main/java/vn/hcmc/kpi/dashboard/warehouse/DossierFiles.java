package vn.hcmc.kpi.dashboard.warehouse;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which Parquet file of {@code dossiers}, {@code events} and {@code tasks} holds each dossier's rows, for
 * one version: a lookup by dossier id then reads one file instead of all of them. The ETL writes these
 * tables as files partitioned across dossiers and sorted by unit and time within each, so a dossier's
 * rows sit in one file among dozens, and neither its id nor its unit lets the reader skip the others
 * by their statistics (every file holds every unit): on a year (19 M events in 39 files) the events of
 * one dossier took 30-80 ms to find, 4-8 ms in the right file.
 *
 * <p>Kept compact (two {@code long} arrays, 16 bytes per dossier): the key is DuckDB's 64-bit
 * {@code hash(dossier_id)} (halved to fit a signed long), the value the file index per table. A key
 * two dossiers share, a dossier whose rows of one table are spread over several files and a dossier
 * not in the index are answered "all files" (the view), so the index only ever narrows where to look:
 * every query still filters on the dossier id itself.
 */
final class DossierFiles {

  static final List<String> TABLES = List.of("dossiers", "events", "tasks");

  /** Value bits per table: 16. */
  private static final int BITS = 16;
  private static final long MASK = (1L << BITS) - 1;
  /** Rows of the dossier are in several files (or the key is shared): read the whole table. */
  private static final long ANY = MASK;
  /** The dossier has no row in that table. */
  private static final long NONE = MASK - 1;

  private final List<List<Path>> files;
  private final long[] keys;
  private final long[] values;

  private DossierFiles(List<List<Path>> files, long[] keys, long[] values) {
    this.files = files;
    this.keys = keys;
    this.values = values;
  }

  int size() {
    return keys.length;
  }

  /** The SQL expression DuckDB hashes a dossier id with, the same at build and lookup. */
  static String key(String expression) {
    return "CAST(hash(" + expression + ") >> 1 AS BIGINT)";
  }

  /**
   * Builds the index of the version in {@code directory} with one scan of each table (the file of each
   * row from {@code read_parquet(…, filename = true)}). Null if a table has more files than the index
   * can number.
   */
  static DossierFiles build(Connection connection, Path directory) throws SQLException, IOException {
    List<List<Path>> files = new ArrayList<>();
    StringBuilder sql = new StringBuilder("WITH ");
    for (int t = 0; t < TABLES.size(); t++) {
      String table = TABLES.get(t);
      List<Path> tableFiles = parquetFiles(directory.resolve(table));
      if (tableFiles.size() >= NONE) {
        return null;
      }
      files.add(tableFiles);
      StringBuilder list = new StringBuilder("[");
      for (Path file : tableFiles) {
        list.append(list.length() > 1 ? ", " : "").append(PublishedVersion.literal(file.toString()));
      }
      list.append(']');
      sql.append(t == 0 ? "" : ", ").append("t").append(t).append(" AS (SELECT dossier_id, min(f) AS lo, max(f) AS hi ")
          // a file name not in the list (none expected) counts as ANY: that dossier is then read from the view
          .append("FROM (SELECT dossier_id, coalesce(list_position(").append(list).append(", filename) - 1, ")
          .append(ANY).append(") AS f FROM read_parquet(")
          .append(PublishedVersion.literal(directory.resolve(table) + "/*.parquet")).append(", filename = true)) ")
          .append("GROUP BY dossier_id)");
    }
    sql.append(" SELECT ").append(key("t0.dossier_id")).append(" AS k");
    for (int t = 0; t < TABLES.size(); t++) {
      sql.append(", CASE WHEN t").append(t).append(".lo IS NULL THEN ").append(NONE).append(" WHEN t").append(t)
          .append(".lo = t").append(t).append(".hi THEN t").append(t).append(".lo ELSE ").append(ANY).append(" END AS v")
          .append(t);
    }
    sql.append(" FROM t0");
    for (int t = 1; t < TABLES.size(); t++) {
      sql.append(" LEFT JOIN t").append(t).append(" USING (dossier_id)");
    }
    sql.append(" ORDER BY k");
    long[] keys = new long[1 << 16];
    long[] values = new long[keys.length];
    int count = 0;
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql.toString())) {
      while (row.next()) {
        if (count == keys.length) {
          keys = Arrays.copyOf(keys, keys.length * 2);
          values = Arrays.copyOf(values, values.length * 2);
        }
        long value = 0;
        for (int t = 0; t < TABLES.size(); t++) {
          long file = row.getLong(2 + t);
          value |= (file < 0 || file > ANY ? ANY : file) << (BITS * t);
        }
        keys[count] = row.getLong(1);
        values[count] = value;
        count++;
      }
    }
    keys = Arrays.copyOf(keys, count);
    values = Arrays.copyOf(values, count);
    // a key two dossiers share says nothing about either
    for (int i = 1; i < count; i++) {
      if (keys[i] == keys[i - 1]) {
        values[i] = -1L;
        values[i - 1] = -1L;
      }
    }
    return new DossierFiles(files, keys, values);
  }

  /**
   * What to read {@code table}'s rows of the dossier with key {@code key} from: a {@code read_parquet} of
   * its one file, an empty relation if it has none, else the table ({@code table} itself: the view).
   */
  String source(String table, long key) {
    int t = TABLES.indexOf(table);
    int at = Arrays.binarySearch(keys, key);
    if (t < 0 || at < 0) {
      return table;
    }
    long file = (values[at] >>> (BITS * t)) & MASK;
    if (file == ANY) {
      return table;
    }
    if (file == NONE) {
      return "(SELECT * FROM " + table + " LIMIT 0)";
    }
    return "read_parquet(" + PublishedVersion.literal(files.get(t).get((int) file).toString()) + ")";
  }

  private static List<Path> parquetFiles(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.parquet")) {
        stream.forEach(files::add);
      }
    }
    files.sort(null);
    return files;
  }
}
