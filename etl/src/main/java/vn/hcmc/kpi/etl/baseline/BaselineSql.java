package vn.hcmc.kpi.etl.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's plain DuckDB baseline (resource baseline/ward_weekly.sql), split into statements. */
public final class BaselineSql {
  public static final String RESOURCE = "/baseline/ward_weekly.sql";

  private BaselineSql() {}

  public static String load() {
    try (InputStream in = BaselineSql.class.getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Statements separated by ';' at the end of a line; '--' comment lines dropped. */
  public static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.strip().startsWith("--")) continue;
      cur.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) out.add(cur.toString().strip());
    return out;
  }
}
