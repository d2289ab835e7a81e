package vn.hcmc.kpi.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.hcmc.kpi.dashboard.Fixture;

class SqlCommandTests {

  private static final String QUERY = "SELECT ward_code, week_start, partial, received, on_time_rate, progress_766"
      + " FROM %s ORDER BY ward_code, week_start";

  @Test
  void csvIsTheDirectDuckDbResult() throws Exception {
    Path warehouse = Fixture.warehouse();
    Result result = run("--warehouse", warehouse.toString(), QUERY.formatted("ward_weekly"));
    assertThat(result.exit()).as(result.err()).isZero();

    List<String> expected = new ArrayList<>();
    try (Connection db = Fixture.duckdb(); Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(QUERY.formatted(Fixture.table(warehouse, "ward_weekly")))) {
      expected.add("ward_code,week_start,partial,received,on_time_rate,progress_766");
      while (rows.next()) {
        List<String> fields = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
          fields.add(rows.getString(i) == null ? "" : rows.getString(i));
        }
        expected.add(String.join(",", fields));
      }
    }
    assertThat(result.out()).endsWith("\r\n");
    assertThat(result.out().split("\r\n")).containsExactlyElementsOf(expected);
  }

  @Test
  void csvQuotesFieldsAsRfc4180AndWritesInstantsInHoChiMinhTime() throws Exception {
    String sql = "SELECT 'a,b' AS comma, 'say \"hi\"' AS quote, 'two' || chr(10) || 'lines' AS newline,"
        + " '' AS empty, NULL AS nothing, TIMESTAMPTZ '2025-03-01 17:30:00.25+00' AS at";
    Result result = run("--warehouse", Fixture.warehouse().toString(), "--format", "csv", sql);
    assertThat(result.exit()).as(result.err()).isZero();
    String instant;
    try (Connection db = Fixture.duckdb(); Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery("SELECT (TIMESTAMPTZ '2025-03-01 17:30:00.25+00')::VARCHAR")) {
      row.next();
      instant = row.getString(1);
    }
    assertThat(instant).isEqualTo("2025-03-02 00:30:00.25+07");
    assertThat(result.out()).isEqualTo("comma,quote,newline,empty,nothing,at\r\n"
        + "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"\",," + instant + "\r\n");
  }

  @Test
  void tableFormatAlignsColumns() {
    Result result = run("--warehouse", Fixture.warehouse().toString(), "--format", "table",
        "SELECT 'x' AS code, 12345 AS n UNION ALL SELECT 'longer', 7 ORDER BY n");
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out().lines().toList()).containsExactly(
        "code   |     n",
        "-------+------",
        "longer |     7",
        "x      | 12345",
        "(2 rows)");
  }

  @Test
  void acceptsWithQueriesAndTrailingSemicolon() {
    Result result = run("--warehouse", Fixture.warehouse().toString(),
        "WITH w AS (SELECT count(*) AS n FROM ward_weekly) SELECT n > 0 AS has_rows FROM w;");
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("has_rows\r\ntrue\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "COPY (SELECT * FROM ward_weekly) TO '/tmp/kpi-stolen.csv'",
      "ATTACH '/tmp/kpi-other.db' AS other",
      "INSTALL httpfs",
      "LOAD httpfs",
      "SELECT 1; SELECT 2",
      "SELECT 1; DROP VIEW ward_weekly",
      "CREATE TABLE t AS SELECT * FROM ward_weekly",
      "SET enable_external_access = true",
      "SET TimeZone = 'UTC'",
      "PRAGMA database_list",
      "INSERT INTO ward_weekly SELECT * FROM ward_weekly",
      "EXPORT DATABASE '/tmp/kpi-export'",
      "SELEC 1",
      ";"})
  void refusesAnythingButASingleSelect(String sql) {
    Result result = run("--warehouse", Fixture.warehouse().toString(), sql);
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).startsWith("sql: refused: ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void selectsCannotReadOtherFiles() {
    Result result = run("--warehouse", Fixture.warehouse().toString(), "SELECT * FROM read_csv('/etc/passwd')");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("Permission");
  }

  @Test
  void helpPrintsUsage() {
    Result result = run("--help");
    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("Usage: sql --warehouse DIR [--format csv|table] \"SQL\"");
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(run("SELECT 1").exit()).isEqualTo(2);
    assertThat(run("--warehouse", Fixture.warehouse().toString()).exit()).isEqualTo(2);
    assertThat(run("--warehouse", Fixture.warehouse().toString(), "--format", "xml", "SELECT 1").exit()).isEqualTo(2);
  }

  @Test
  void missingWarehouseIsExplained(@TempDir Path empty) {
    Result result = run("--warehouse", empty.resolve("nowhere").toString(), "SELECT 1");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("does not exist");
    Result unpublished = run("--warehouse", empty.toString(), "SELECT 1");
    assertThat(unpublished.exit()).isEqualTo(1);
    assertThat(unpublished.err()).contains("no version published yet");
  }

  private record Result(int exit, String out, String err) {
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = SqlCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
