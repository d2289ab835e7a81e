import java.nio.file.*; import java.sql.*; import java.util.*;
/** Every table of the published versions of two warehouses (or two folders of tables, e.g. --figures-only output), row for row (EXCEPT ALL both ways; run_id left out). */
public class CompareWarehouses {
  static Path cur(String wh) throws Exception { if (!Files.exists(Path.of(wh, "CURRENT"))) return Path.of(wh); String v = Files.readString(Path.of(wh, "CURRENT")).trim(); return Path.of(wh, "versions", v); }
  public static void main(String[] a) throws Exception {
    Path x = cur(a[0]), y = cur(a[1]); boolean same = true;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      try (var st = Files.list(x)) { for (Path t : st.sorted().toList()) {
        String n = t.getFileName().toString(); if (n.startsWith("_") || !Files.isDirectory(t) || n.equals("runs")) continue;
        String cols;
        try (ResultSet r = s.executeQuery("select string_agg(column_name, ', ') from (describe select * from read_parquet('" + t + "/*.parquet')) where column_name not in ('run_id')")) { r.next(); cols = r.getString(1); }
        String q = "select (select count(*) from read_parquet('%s/*.parquet')), (select count(*) from (select %s from read_parquet('%s/*.parquet') except all select %s from read_parquet('%s/*.parquet'))), (select count(*) from (select %s from read_parquet('%s/*.parquet') except all select %s from read_parquet('%s/*.parquet')))"
          .formatted(t, cols, t, cols, y.resolve(n), cols, y.resolve(n), cols, t);
        try (ResultSet r = s.executeQuery(q)) { r.next(); boolean ok = r.getLong(2) == 0 && r.getLong(3) == 0; same &= ok;
          System.out.printf("%-18s rows %,d  only-left %d only-right %d %s%n", n, r.getLong(1), r.getLong(2), r.getLong(3), ok ? "same" : "DIFFERENT"); }
      } }
    }
    System.out.println(same ? "ALL SAME" : "DIFFER"); System.exit(same ? 0 : 1);
  }
}
