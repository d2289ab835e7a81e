package vn.hcmc.kpi.dashboard.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How {@code sql} prints a result. */
enum ResultFormat {

  /** RFC 4180: header row, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF; NULL is an empty field, an empty string is {@code ""}. */
  CSV {
    @Override
    long write(ResultSet result, PrintStream out) throws SQLException {
      int columns = result.getMetaData().getColumnCount();
      StringBuilder line = new StringBuilder();
      for (int column = 1; column <= columns; column++) {
        line.append(column > 1 ? "," : "").append(csvField(result.getMetaData().getColumnLabel(column)));
      }
      out.print(line.append("\r\n"));
      long rows = 0;
      while (result.next()) {
        line.setLength(0);
        for (int column = 1; column <= columns; column++) {
          String text = text(result, column);
          line.append(column > 1 ? "," : "").append(text == null ? "" : csvField(text));
        }
        out.print(line.append("\r\n"));
        rows++;
      }
      out.flush();
      return rows;
    }
  },

  /** An aligned text table, numbers right-aligned, NULL written as NULL, with a row count. */
  TABLE {
    @Override
    long write(ResultSet result, PrintStream out) throws SQLException {
      ResultSetMetaData meta = result.getMetaData();
      int columns = meta.getColumnCount();
      int[] widths = new int[columns];
      boolean[] numeric = new boolean[columns];
      String[] header = new String[columns];
      for (int i = 0; i < columns; i++) {
        header[i] = meta.getColumnLabel(i + 1);
        widths[i] = header[i].length();
        numeric[i] = isNumeric(meta.getColumnType(i + 1), meta.getColumnTypeName(i + 1));
      }
      List<String[]> rows = new ArrayList<>();
      while (result.next()) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
          String text = text(result, i + 1);
          row[i] = text == null ? "NULL" : text.replace("\r", "\\r").replace("\n", "\\n");
          widths[i] = Math.max(widths[i], row[i].length());
        }
        rows.add(row);
      }
      out.println(line(header, widths, numeric));
      StringBuilder rule = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        rule.append(i > 0 ? "-+-" : "").append("-".repeat(widths[i]));
      }
      out.println(rule);
      for (String[] row : rows) {
        out.println(line(row, widths, numeric));
      }
      out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
      out.flush();
      return rows.size();
    }
  };

  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Writes the rows and returns how many there were. */
  abstract long write(ResultSet result, PrintStream out) throws SQLException;

  static ResultFormat of(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * A value as text, as DuckDB casts it to VARCHAR; instants (TIMESTAMP WITH TIME ZONE, which the JDBC
   * driver returns in UTC) are written in Asia/Ho_Chi_Minh like DuckDB does with that TimeZone:
   * {@code 2025-01-01 07:00:00+07}.
   */
  static String text(ResultSet result, int column) throws SQLException {
    Object value = result.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime instant) {
      return instant(instant.atZoneSameInstant(ZONE));
    }
    return result.getString(column);
  }

  static String instant(ZonedDateTime local) {
    StringBuilder text = new StringBuilder(SECONDS.format(local));
    int micros = local.getNano() / 1000;
    if (micros != 0) {
      String fraction = String.format("%06d", micros).replaceAll("0+$", "");
      text.append('.').append(fraction);
    }
    int offset = local.getOffset().getTotalSeconds();
    text.append(offset < 0 ? '-' : '+');
    offset = Math.abs(offset);
    text.append(String.format("%02d", offset / 3600));
    if (offset % 3600 != 0) {
      text.append(String.format(":%02d", offset % 3600 / 60));
    }
    return text.toString();
  }

  static String csvField(String text) {
    if (text.isEmpty()) {
      return "\"\"";
    }
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static boolean isNumeric(int sqlType, String typeName) {
    if (typeName != null && typeName.matches("U?(HUGEINT|BIGINT|INTEGER|SMALLINT|TINYINT)|DECIMAL.*|DOUBLE|FLOAT")) {
      return true;
    }
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE,
          Types.NUMERIC, Types.DECIMAL -> true;
      default -> false;
    };
  }

  private static String line(String[] cells, int[] widths, boolean[] rightAligned) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String padding = " ".repeat(widths[i] - cells[i].length());
      line.append(i > 0 ? " | " : "").append(rightAligned[i] ? padding + cells[i] : cells[i] + padding);
    }
    return line.toString().stripTrailing();
  }
}
