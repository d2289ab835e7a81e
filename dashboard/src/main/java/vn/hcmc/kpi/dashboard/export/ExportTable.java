package vn.hcmc.kpi.dashboard.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A table to export, written the same way to Excel (one sheet) and CSV (one file). Values are raw
 * (Long, Double, String, Boolean, LocalDate, OffsetDateTime or null); each column's {@link Kind} says how
 * Excel shows them (a PERCENT column holds fractions and is shown as a percentage).
 *
 * @param key stable name of the table, used in URLs ({@code ?table=officers}) and file names
 * @param title localized sheet name
 */
public record ExportTable(String key, String title, List<Column> columns, List<List<Object>> rows) {

  public enum Kind { TEXT, COUNT, DECIMAL, PERCENT, DATE, DATE_TIME, BOOLEAN }

  public record Column(String header, Kind kind) {
  }

  /** Builds a table column by column, then row by row. */
  public static final class Builder {

    private final String key;
    private final String title;
    private final List<Column> columns = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();

    public Builder(String key, String title) {
      this.key = key;
      this.title = title;
    }

    public Builder column(String header, Kind kind) {
      columns.add(new Column(header, kind));
      return this;
    }

    public Builder row(Object... values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException(key + ": " + values.length + " values for " + columns.size() + " columns");
      }
      rows.add(java.util.Arrays.asList(values));
      return this;
    }

    public ExportTable build() {
      return new ExportTable(key, title, List.copyOf(columns), List.copyOf(rows));
    }
  }
}
