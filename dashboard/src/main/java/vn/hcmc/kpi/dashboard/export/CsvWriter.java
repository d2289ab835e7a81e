package vn.hcmc.kpi.dashboard.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * RFC 4180 CSV (CRLF, header row, quotes doubled) in UTF-8 with a byte-order mark, so that Excel opens
 * Vietnamese text correctly. Values are machine-readable: numbers with a '.' decimal point, rates as
 * fractions, dates ISO {@code yyyy-MM-dd}, instants {@code yyyy-MM-dd HH:mm:ss} local time.
 *
 * <p>Formula injection: a text cell that begins with {@code = + - @} (or a tab or carriage return, which
 * some spreadsheets strip before looking) would be run as a formula by a spreadsheet, and the texts
 * come from the logs (e.g. officer names or procedure names typed by someone). Such cells get a
 * leading apostrophe, as OWASP recommends. Numbers are written by us and are not neutralised, so a
 * negative change stays a number.
 */
public final class CsvWriter {

  private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private CsvWriter() {
  }

  public static void write(ExportTable table, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\ufeff');
    writeRow(writer, table.columns().stream().map(column -> (Object) column.header()).toList());
    for (List<Object> row : table.rows()) {
      writeRow(writer, row);
    }
    writer.flush();
  }

  private static void writeRow(Writer writer, List<Object> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      writer.write(field(values.get(i)));
    }
    writer.write("\r\n");
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof OffsetDateTime instant) {
      return INSTANT.format(instant);
    }
    return quote(neutralise(value.toString()));
  }

  /** Prefixes text that a spreadsheet would take for a formula with an apostrophe. */
  static String neutralise(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private static String quote(String text) {
    if (text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
        || text.charAt(0) == '\'') {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
