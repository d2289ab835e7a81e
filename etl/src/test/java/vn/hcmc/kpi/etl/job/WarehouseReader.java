package vn.hcmc.kpi.etl.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a published warehouse the way the dashboard does: CURRENT → views over Parquet in DuckDB. */
public final class WarehouseReader implements AutoCloseable {
  private final Connection conn;

  public WarehouseReader(Path warehouse) throws Exception {
    String version = Files.readString(warehouse.resolve("CURRENT")).strip();
    Path dir = warehouse.resolve("versions").resolve(version);
    conn = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = conn.createStatement(); Stream<Path> tables = Files.list(dir)) {
      st.execute("SET TimeZone = 'Asia/Ho_Chi_Minh'");
      // folders named with a leading underscore (the incremental state) are private, as in the dashboard
      for (Path t : tables.filter(Files::isDirectory).filter(t -> !t.getFileName().toString().startsWith("_")).toList()) {
        st.execute("CREATE VIEW " + t.getFileName() + " AS SELECT * FROM read_parquet('" + t + "/*.parquet')");
      }
    }
  }

  public List<Map<String, Object>> rows(String sql) throws SQLException { return rows(conn, sql); }

  public static List<Map<String, Object>> rows(Connection conn, String sql) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), rs.getObject(i));
        out.add(row);
      }
    }
    return out;
  }

  public Map<String, Object> row(String sql) throws SQLException {
    List<Map<String, Object>> r = rows(sql);
    if (r.size() != 1) throw new AssertionError("expected one row from " + sql + ", got " + r);
    return r.get(0);
  }

  public Object value(String sql) throws SQLException { return row(sql).values().iterator().next(); }

  @Override public void close() throws SQLException { conn.close(); }
}
