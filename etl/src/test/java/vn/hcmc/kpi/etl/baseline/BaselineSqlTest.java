package vn.hcmc.kpi.etl.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.generate.GeneratorOptions;
import vn.hcmc.kpi.etl.generate.LogGenerator;
import vn.hcmc.kpi.etl.job.EtlOptions;
import vn.hcmc.kpi.etl.job.KpiJob;
import vn.hcmc.kpi.etl.job.TestSpark;
import vn.hcmc.kpi.etl.job.WarehouseReader;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/**
 * Two independent implementations must agree: the Spark job's Java clock and the plain DuckDB SQL
 * of the benchmark baseline (etl/src/main/resources/baseline/ward_weekly.sql), on a generated log
 * over Tết 2026 and the make-up Saturday, with supplements, apologies and logged appointment dates.
 */
class BaselineSqlTest {
  static final String FIGURES = "ward_code, week_start, received, received_online, received_counter, received_post, "
      + "resolved, early, on_time, late, open_end, open_overdue_end, integration_errors, apologies";

  @TempDir Path tmp;

  @Test
  void theSqlBaselineGivesTheSparkJobsWardWeeklyFigures() throws Exception {
    new LogGenerator(ReferenceData.defaults()).writeTo(new GeneratorOptions(List.of("26782", "27460", "27364"),
        LocalDate.parse("2026-01-05"), LocalDate.parse("2026-02-28"), 0.5, 21), tmp.resolve("logs"));
    new KpiJob(TestSpark.get(), new EtlOptions(List.of(tmp.resolve("logs/events").toString()),
        tmp.resolve("wh").toString(), null, null, null, ClockSettings.DEFAULTS, 3),
        Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC)).run();
    List<Map<String, Object>> spark;
    try (WarehouseReader wh = new WarehouseReader(tmp.resolve("wh"))) {
      spark = wh.rows("select " + FIGURES + " from ward_weekly order by ward_code, week_start");
    }
    List<Map<String, Object>> sql = baseline(tmp.resolve("logs/events"), null);
    assertTrue(spark.size() >= 24, "three units over eight weeks: " + spark.size());
    assertTrue(spark.stream().mapToLong(r -> (Long) r.get("late")).sum() > 0, "some late dossiers");
    assertTrue(spark.stream().mapToLong(r -> (Long) r.get("open_overdue_end")).sum() > 0, "some open overdue");
    assertEquals(spark, sql);
  }

  /** Runs the baseline SQL over the CSV files of a folder; the shipped reference data. */
  List<Map<String, Object>> baseline(Path events, String asOf) throws Exception {
    Path holidays = extract("/reference/holidays.csv");
    Path procedures = extract("/reference/procedures.csv");
    String files;
    try (Stream<Path> s = Files.list(events)) {
      files = s.sorted().map(p -> "'" + p + "'").collect(Collectors.joining(", ", "[", "]"));
    }
    String script = BaselineSql.load().replace("{{EVENTS}}", files).replace("{{HOLIDAYS}}", holidays.toString())
        .replace("{{PROCEDURES}}", procedures.toString()).replace("{{AS_OF}}", asOf == null ? "" : asOf);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement st = c.createStatement()) {
        for (String statement : BaselineSql.statements(script)) st.execute(statement);
      }
      return WarehouseReader.rows(c, "select " + FIGURES + " from baseline_ward_weekly order by ward_code, week_start");
    }
  }

  Path extract(String resource) throws Exception {
    Path out = tmp.resolve(Path.of(resource).getFileName().toString());
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.writeString(out, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return out;
  }
}
