package vn.hcmc.kpi.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/** What the loaded warehouse holds (from the Parquet metadata of its published version), for the report. */
record WarehouseSize(String version, long events, long dossiers, long weeks, long units) {

  static WarehouseSize of(Path warehouse) throws Exception {
    String version = Files.readString(warehouse.resolve("CURRENT")).strip();
    Path dir = warehouse.resolve("versions").resolve(version).toAbsolutePath();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM read_parquet('" + dir + "/events/*.parquet')), "
            + "(SELECT count(*) FROM read_parquet('" + dir + "/dossiers/*.parquet')), "
            + "(SELECT count(DISTINCT week_start) FROM read_parquet('" + dir + "/ward_weekly/*.parquet')), "
            + "(SELECT count(DISTINCT ward_code) FROM read_parquet('" + dir + "/ward_weekly/*.parquet'))")) {
      rs.next();
      return new WarehouseSize(version, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%,d events, %,d dossiers, %d weeks x %d units, version %s", events, dossiers,
        weeks, units, version);
  }
}
