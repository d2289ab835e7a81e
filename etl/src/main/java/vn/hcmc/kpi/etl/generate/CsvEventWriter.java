package vn.hcmc.kpi.etl.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.hcmc.kpi.etl.model.LogColumns;
import vn.hcmc.kpi.etl.reference.Officer;

/** RFC 4180 output: UTF-8, CRLF line ends, a field quoted only when it holds a comma, quote or line break. */
final class CsvEventWriter {
  private CsvEventWriter() {}

  static void writeEvents(Path file, List<LogEvent> events) throws IOException {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      row(w, LogColumns.ALL);
      for (LogEvent e : events) row(w, e.fields());
    }
  }

  static void writeOfficers(Path file, List<Officer> officers) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      row(w, List.of("officer_id", "display_name", "unit_code", "role"));
      for (Officer o : officers) row(w, List.of(o.officerId(), o.displayName(), o.unitCode(), o.role()));
    }
  }

  static void row(Writer w, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) w.write(',');
      field(w, fields.get(i));
    }
    w.write("\r\n");
  }

  static void field(Writer w, String v) throws IOException {
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) { w.write(v); return; }
    w.write('"');
    w.write(v.replace("\"", "\"\""));
    w.write('"');
  }
}
