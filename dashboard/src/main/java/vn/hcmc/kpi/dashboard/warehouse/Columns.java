package vn.hcmc.kpi.dashboard.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Typed reads of warehouse columns. Nullable numbers stay null (JDBC's getDouble would turn them into
 * 0, which would be a false figure), and instants come back in Asia/Ho_Chi_Minh: DuckDB's JDBC driver
 * returns TIMESTAMPTZ as an OffsetDateTime in UTC whatever the session time zone.
 */
public final class Columns {

  public static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");

  private Columns() {
  }

  public static Double nullableDouble(ResultSet row, String column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : value;
  }

  public static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  public static LocalDate date(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDate.class);
  }

  /** An instant column as local (UTC+7) time with its offset; null stays null. */
  public static OffsetDateTime instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(LOCAL).toOffsetDateTime();
  }
}
