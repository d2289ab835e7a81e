package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.generate.GenerationResult;
import vn.hcmc.kpi.etl.generate.GeneratorOptions;
import vn.hcmc.kpi.etl.generate.LogGenerator;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/** Properties that must hold on any log: counts reconcile, rates are in range, reruns and file order change nothing. */
class GeneratedLogPropertiesTest {
  static final List<String> TABLES = List.of("dossiers", "tasks", "officer_weekly", "procedure_weekly", "ward_weekly",
      "ward_hourly", "units", "procedures", "officers");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path tmp;
  static GenerationResult generated;
  static KpiJob.RunSummary first;
  static WarehouseReader wh;

  static KpiJob.RunSummary etl(Path input, Path warehouse) {
    EtlOptions o = new EtlOptions(List.of(input.toString()), warehouse.toString(), null, tmp.resolve("logs/reference"),
        null, ClockSettings.DEFAULTS, 3);
    return new KpiJob(TestSpark.get(), o, CLOCK).run();
  }

  @BeforeAll
  static void generateAndRun() throws Exception {
    generated = new LogGenerator(ReferenceData.defaults()).writeTo(new GeneratorOptions(List.of("26782", "27460"),
        LocalDate.parse("2026-02-02"), LocalDate.parse("2026-03-08"), 0.4, 11), tmp.resolve("logs"));
    first = etl(tmp.resolve("logs/events"), tmp.resolve("wh1"));
    wh = new WarehouseReader(tmp.resolve("wh1"));
  }

  @AfterAll
  static void close() throws Exception { wh.close(); }

  @Test
  void countsReconcile() throws Exception {
    assertTrue(first.reconciles(), first.toString());
    assertEquals(generated.events(), first.rowsRead());
    assertEquals(0, first.rejected());
    assertEquals(generated.dossiers(), first.dossiers());
    assertEquals(generated.dossiers(), wh.value("select count(*) from dossiers"));
    assertEquals(first.accepted(), wh.value("select count(*) from events"));
    assertEquals(generated.dossiers(), ((Number) wh.value("select sum(received)::bigint from ward_weekly")).longValue());
    assertEquals(wh.value("select sum(received)::bigint from ward_weekly"), wh.value("select sum(received)::bigint from procedure_weekly"));
    assertEquals(wh.value("select sum(resolved)::bigint from ward_weekly"), wh.value("select sum(resolved)::bigint from procedure_weekly"));
    // every resolved dossier is counted in exactly one week
    assertEquals(wh.value("select count(*) from dossiers where verdict in ('EARLY','ON_TIME','LATE')"),
        wh.value("select sum(resolved)::bigint from ward_weekly"));
    Map<String, Object> runs = wh.row("select rows_read, accepted, rejected, duplicates, status from runs");
    assertEquals(first.rowsRead(), runs.get("rows_read"));
    assertEquals("SUCCEEDED", runs.get("status"));
  }

  @Test
  void measuresStayInRange() throws Exception {
    assertEquals(0L, wh.value("select count(*) from ward_weekly where resolved <> early + on_time + late"));
    assertEquals(0L, wh.value("select count(*) from procedure_weekly where resolved <> early + on_time + late"));
    assertEquals(0L, wh.value("select count(*) from ward_weekly where open_overdue_end > open_end"));
    assertEquals(0L, wh.value("""
        select count(*) from ward_weekly where on_time_rate not between 0 and 1 or overdue_rate not between 0 and 1
          or progress_766 not between 0 and 20 or after_hours_share not between 0 and 1
          or integration_error_rate not between 0 and 1"""));
    assertEquals(0L, wh.value("select count(*) from procedure_weekly where on_time_rate not between 0 and 1 "
        + "or supplement_rate not between 0 and 1 or online_share not between 0 and 1"));
    assertEquals(0L, wh.value("select count(*) from ward_weekly where (resolved = 0) <> (on_time_rate is null)"));
    assertEquals(1L, wh.value("select count(distinct week_start) from ward_weekly where partial"));
    assertTrue((Long) wh.value("select count(*) from ward_weekly") >= 10, "two units over five weeks");
    assertEquals(0L, wh.value("select count(*) from tasks where office_hours < 0 or ended_at < started_at"));
  }

  @Test
  void aRerunGivesIdenticalTables() throws Exception {
    etl(tmp.resolve("logs/events"), tmp.resolve("wh2"));
    try (WarehouseReader again = new WarehouseReader(tmp.resolve("wh2"))) {
      for (String t : TABLES) assertEquals(wh.rows(ordered(t)), again.rows(ordered(t)), t);
      assertEquals(wh.rows(ordered("events")), again.rows(ordered("events")));
    }
  }

  @Test
  void figuresOnlyGiveTheFullRunsWeeklyTables() throws Exception {
    Path out = tmp.resolve("figures");
    EtlOptions o = new EtlOptions(List.of(tmp.resolve("logs/events").toString()), out.toString(), null,
        tmp.resolve("logs/reference"), null, ClockSettings.DEFAULTS, 3);
    KpiJob.FiguresSummary f = new KpiJob(TestSpark.get(), o, CLOCK).figuresOnly(out.toString());
    assertEquals(first.rowsRead(), f.rowsRead());
    assertEquals(first.asOf(), f.asOf());
    assertEquals(wh.value("select count(*) from ward_weekly"), f.unitWeeks());
    assertEquals(2 * 5, f.unitWeeks(), "two units, five weeks (2026-02-02..03-08)");
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var st = c.createStatement()) {
      st.execute("SET TimeZone = 'Asia/Ho_Chi_Minh'");
      for (String t : List.of("ward_weekly", "officer_weekly", "procedure_weekly")) {
        try (var files = Files.list(out.resolve(t))) {
          assertEquals(1, files.filter(p -> p.toString().endsWith(".parquet")).count(), t + ": one file");
        }
        st.execute("CREATE VIEW " + t + " AS SELECT * FROM read_parquet('" + out.resolve(t) + "/*.parquet')");
        assertEquals(wh.rows(ordered(t)), WarehouseReader.rows(c, ordered(t)), t);
      }
    }
    // no warehouse was made there: no version, no CURRENT, no per-dossier tables
    assertTrue(Files.notExists(out.resolve("CURRENT")) && Files.notExists(out.resolve("versions"))
        && Files.notExists(out.resolve("dossiers")));
  }

  @Test
  void fileOrderDoesNotMatter() throws Exception {
    // copy the week files under names that sort in the opposite order
    Path reversed = tmp.resolve("reversed");
    Files.createDirectories(reversed);
    List<Path> files = new ArrayList<>();
    try (var s = Files.list(tmp.resolve("logs/events"))) { s.sorted().forEach(files::add); }
    for (int i = 0; i < files.size(); i++) {
      Files.copy(files.get(i), reversed.resolve(String.format("%02d-%s", files.size() - i, files.get(i).getFileName())));
    }
    etl(reversed, tmp.resolve("wh3"));
    try (WarehouseReader other = new WarehouseReader(tmp.resolve("wh3"))) {
      for (String t : TABLES) assertEquals(wh.rows(ordered(t)), other.rows(ordered(t)), t);
      String events = "select * exclude (source) from events order by all";
      assertEquals(wh.rows(events), other.rows(events));
    }
  }

  @Test
  void splittingTheInputDifferentlyDoesNotMatter() throws Exception {
    // all rows of all week files, re-cut into files of 997 rows (each with the header), gzip for every other file
    List<String> rows = new ArrayList<>();
    String header = null;
    List<Path> files = new ArrayList<>();
    try (var s = Files.list(tmp.resolve("logs/events"))) { s.sorted().forEach(files::add); }
    for (Path f : files) {
      List<String> lines = readRecords(f);
      header = lines.get(0);
      rows.addAll(lines.subList(1, lines.size()));
    }
    Path split = tmp.resolve("split");
    Files.createDirectories(split);
    for (int i = 0, n = 0; i < rows.size(); i += 997, n++) {
      String body = header + "\n" + String.join("\n", rows.subList(i, Math.min(rows.size(), i + 997))) + "\n";
      if (n % 2 == 0) {
        Files.writeString(split.resolve("part-" + n + ".csv"), body);
      } else {
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(split.resolve("part-" + n + ".csv.gz")))) {
          out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    etl(split, tmp.resolve("wh4"));
    try (WarehouseReader other = new WarehouseReader(tmp.resolve("wh4"))) {
      for (String t : TABLES) assertEquals(wh.rows(ordered(t)), other.rows(ordered(t)), t);
      String events = "select * exclude (source, line) from events order by all";
      assertEquals(wh.rows(events), other.rows(events));
    }
  }

  /** The CSV records of a file (the generator writes no quoted newlines, so records are lines). */
  static List<String> readRecords(Path f) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(f)) if (!line.isEmpty()) out.add(line.replace("\r", ""));
    return out;
  }

  static String ordered(String table) { return "select * from " + table + " order by all"; }
}
