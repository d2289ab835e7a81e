package vn.hcmc.kpi.notebook;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A query result held in memory, shown in a notebook as an HTML table (the first
 * {@link #displayRows(int) 50} rows by default).
 *
 * <p>Values are plain Java: {@code String}, {@code Long} (DuckDB's HUGEINT sums become Long when
 * they fit), {@code Double}, {@code Boolean}, {@code LocalDate}, and instants as
 * {@code OffsetDateTime} in Asia/Ho_Chi_Minh (+07:00). Nulls stay null.
 */
public final class Table implements Rich {
  static final ZoneId HCMC = ZoneId.of("Asia/Ho_Chi_Minh");

  private final List<String> columns;
  private final List<String> types;
  private final List<Object[]> rows;
  private int displayRows = 50;

  public Table(List<String> columns, List<String> types, List<Object[]> rows) {
    this.columns = List.copyOf(columns);
    this.types = List.copyOf(types);
    this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
  }

  /** Reads the whole result set. */
  public static Table of(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<String> columns = new ArrayList<>(n);
    List<String> types = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      columns.add(meta.getColumnLabel(i));
      types.add(meta.getColumnTypeName(i));
    }
    List<Object[]> rows = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        row[i] = normalise(rs.getObject(i + 1));
      }
      rows.add(row);
    }
    return new Table(columns, types, rows);
  }

  static Object normalise(Object value) {
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof OffsetDateTime t) {
      return t.atZoneSameInstant(HCMC).toOffsetDateTime();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toLocalDateTime();
    }
    return value;
  }

  public List<String> columns() {
    return columns;
  }

  /** DuckDB type names, one per column. */
  public List<String> types() {
    return types;
  }

  public int size() {
    return rows.size();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The rows (arrays in column order). */
  public List<Object[]> rows() {
    return rows;
  }

  /** The row as column → value. */
  public Map<String, Object> row(int index) {
    Map<String, Object> map = new LinkedHashMap<>();
    Object[] row = rows.get(index);
    for (int i = 0; i < columns.size(); i++) {
      map.put(columns.get(i), row[i]);
    }
    return map;
  }

  public int indexOf(String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("no column '" + column + "'; columns are " + columns);
    }
    return i;
  }

  public Object get(int row, String column) {
    return rows.get(row)[indexOf(column)];
  }

  /** The value of a one-row, one-column result (e.g. {@code select count(*) ...}). */
  public Object scalar() {
    if (rows.isEmpty()) {
      return null;
    }
    return rows.get(0)[0];
  }

  public List<Object> column(String column) {
    int i = indexOf(column);
    List<Object> values = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      values.add(row[i]);
    }
    return values;
  }

  /** The column as text (null stays null). */
  public List<String> strings(String column) {
    List<String> values = new ArrayList<>();
    for (Object v : column(column)) {
      values.add(v == null ? null : v.toString());
    }
    return values;
  }

  /** The column as numbers; null becomes NaN. */
  public double[] doubles(String column) {
    List<Object> values = column(column);
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = values.get(i);
      out[i] = v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
    return out;
  }

  /** How many rows the HTML view shows (default 50); returns this table. */
  public Table displayRows(int count) {
    this.displayRows = Math.max(0, count);
    return this;
  }

  @Override
  public Map<String, String> mimeBundle() {
    Map<String, String> bundle = new LinkedHashMap<>();
    bundle.put("text/html", toHtml());
    bundle.put("text/plain", toString());
    return bundle;
  }

  /** An HTML table: numbers right-aligned, at most {@link #displayRows(int)} rows. */
  public String toHtml() {
    StringBuilder html = new StringBuilder("<table class=\"kpi-table\">\n<thead><tr>");
    for (String c : columns) {
      html.append("<th>").append(escape(c)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    int shown = Math.min(displayRows, rows.size());
    for (int r = 0; r < shown; r++) {
      html.append("<tr>");
      for (Object v : rows.get(r)) {
        html.append(v instanceof Number ? "<td style=\"text-align:right\">" : "<td>")
            .append(v == null ? "" : escape(format(v))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table>\n");
    html.append("<p><small>").append(rows.size()).append(rows.size() == 1 ? " row" : " rows");
    if (shown < rows.size()) {
      html.append(", first ").append(shown).append(" shown");
    }
    html.append("</small></p>");
    return html.toString();
  }

  /** Fixed-width text, at most {@link #displayRows(int)} rows. */
  @Override
  public String toString() {
    int shown = Math.min(displayRows, rows.size());
    int[] width = new int[columns.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = columns.get(i).length();
    }
    List<String[]> cells = new ArrayList<>();
    for (int r = 0; r < shown; r++) {
      String[] line = new String[width.length];
      for (int i = 0; i < width.length; i++) {
        Object v = rows.get(r)[i];
        line[i] = v == null ? "" : format(v);
        width[i] = Math.max(width[i], line[i].length());
      }
      cells.add(line);
    }
    StringBuilder text = new StringBuilder();
    appendLine(text, columns.toArray(new String[0]), width);
    for (String[] line : cells) {
      appendLine(text, line, width);
    }
    text.append('(').append(rows.size()).append(rows.size() == 1 ? " row" : " rows");
    if (shown < rows.size()) {
      text.append(", first ").append(shown).append(" shown");
    }
    return text.append(')').toString();
  }

  private static void appendLine(StringBuilder text, String[] cells, int[] width) {
    for (int i = 0; i < cells.length; i++) {
      text.append(i == 0 ? "" : "  ").append(cells[i]).append(" ".repeat(width[i] - cells[i].length()));
    }
    text.append('\n');
  }

  /** Doubles with up to 3 decimals (no exponent), everything else by toString. */
  static String format(Object v) {
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return d.toString();
      }
      return new BigDecimal(d).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
    if (v instanceof OffsetDateTime t) {
      return t.toLocalDateTime().toString().replace('T', ' ');
    }
    return String.format(Locale.ROOT, "%s", v);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
