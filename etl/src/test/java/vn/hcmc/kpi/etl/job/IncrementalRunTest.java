package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.generate.GeneratorOptions;
import vn.hcmc.kpi.etl.generate.LogGenerator;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/**
 * An incremental run's tables equal a full rebuild's over the same files, row for row (ignoring only
 * run ids, which name the run that produced a row): for a next day of a generated log, then for a file
 * with a late supplement pause of an old, settled dossier, duplicates and rejected rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalRunTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  /** History up to this day (a Tuesday, so the week under way is partial); the next day is added. */
  static final LocalDate LAST_DAY = LocalDate.parse("2026-02-24");

  @TempDir static Path tmp;
  static Path reference;

  static EtlOptions options(Path warehouse, Path ref, Path... inputs) {
    return new EtlOptions(Stream.of(inputs).map(Path::toString).toList(), warehouse.toString(), null, ref, null,
        ClockSettings.DEFAULTS, 3);
  }

  static KpiJob.RunSummary full(Path warehouse, Path... inputs) {
    return new KpiJob(TestSpark.get(), options(warehouse, reference, inputs), CLOCK).run();
  }

  static IncrementalJob.Outcome incremental(Path warehouse, Path... inputs) {
    return new IncrementalJob(TestSpark.get(), options(warehouse, reference, inputs), CLOCK).run();
  }

  /**
   * Generates a month for two units (its first week in January: another block of the tables by week) and cuts the
   * log by event day into history and the next day.
   */
  @BeforeAll
  static void generateAndSplit() throws Exception {
    Path logs = tmp.resolve("logs");
    new LogGenerator(ReferenceData.defaults()).writeTo(new GeneratorOptions(List.of("26782", "27460"),
        LocalDate.parse("2026-01-26"), LAST_DAY.plusDays(1), 0.15, 7), logs);
    reference = logs.resolve("reference");
    Files.createDirectories(tmp.resolve("hist/events"));
    Files.createDirectories(tmp.resolve("day/events"));
    List<String> day = new ArrayList<>();
    String header = null;
    try (Stream<Path> s = Files.list(logs.resolve("events"))) {
      for (Path f : s.sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        header = lines.get(0);
        List<String> hist = new ArrayList<>(List.of(header));
        for (String l : lines.subList(1, lines.size())) {
          LocalDate d = LocalDate.parse(l.split(",", -1)[5].substring(0, 10)); // local time, +07:00
          (d.isAfter(LAST_DAY) ? day : hist).add(l);
        }
        if (hist.size() > 1) Files.write(tmp.resolve("hist/events").resolve(f.getFileName()), hist);
      }
    }
    assertTrue(day.size() > 20, "the next day has events: " + day.size());
    day.add(0, header);
    Files.write(tmp.resolve("day/events/events-" + LAST_DAY.plusDays(1) + ".csv"), day);
  }

  @Test
  @Order(1)
  void refusedWithoutAPublishedVersion() {
    IncrementalJob.RefusedException e = assertThrows(IncrementalJob.RefusedException.class,
        () -> incremental(tmp.resolve("none"), tmp.resolve("hist/events")));
    assertTrue(e.getMessage().contains("no published version"), e.getMessage());
  }

  @Test
  @Order(2)
  void aNextDayEqualsAFullRebuild() throws Exception {
    Path wh = tmp.resolve("wh");
    full(wh, tmp.resolve("hist/events"));
    String base = current(wh);
    assertEachFileHoldsItsSegment(wh);
    // the same folders as the full run plus the day's: loaded files are recognised and skipped
    IncrementalJob.Outcome o = incremental(wh, tmp.resolve("hist/events"), tmp.resolve("day/events"));
    assertTrue(o.published());
    assertEquals(List.of("events/events-" + LAST_DAY.plusDays(1) + ".csv"), o.newFiles());
    assertEquals(base, o.baseVersion());
    assertTrue(o.summary().reconciles(), o.summary().toString());
    assertTrue(o.refolded() < o.summary().dossiers(), "settled dossiers are not refolded: " + o);

    assertEachFileHoldsItsSegment(wh);
    Path rebuilt = tmp.resolve("wh-full-day");
    full(rebuilt, tmp.resolve("hist/events"), tmp.resolve("day/events"));
    assertSameTables(rebuilt, wh);
    assertSameIndex(rebuilt, wh);
    // settled weeks were carried over, not rewritten
    assertTrue(linkedFiles(wh.resolve("versions").resolve(base), version(wh), "events") > 0);
    // so were the tables by week's older months (WeekBlocks), while the month under way was written again
    for (String table : WeekBlocks.TABLES) {
      Path dir = version(wh).resolve(table);
      assertEquals(List.of("202601", "202602"), VersionFiles.parquetFiles(dir).stream()
          .map(p -> p.getFileName().toString().substring(0, 6)).sorted().toList(), table);
      assertEquals(1, linkedFiles(wh.resolve("versions").resolve(base), version(wh), table), table);
    }
    try (WarehouseReader r = new WarehouseReader(wh)) {
      assertEquals(List.of("INCREMENTAL"), r.rows("select mode from runs where mode is not null").stream()
          .map(m -> m.get("mode")).toList());
      assertEquals(2L, r.value("select count(*) from runs"));
    }
  }

  @Test
  @Order(3)
  void aLateEventDuplicatesAndRejectsEqualAFullRebuild() throws Exception {
    Path wh = tmp.resolve("wh");
    Map<String, Object> old;
    try (WarehouseReader r = new WarehouseReader(wh)) {
      old = r.row("""
          select dossier_id, ward_code, strftime(received_at, '%Y-%m-%dT%H:%M:%S') as t from dossiers
          where outcome = 'COMPLETED' and supplement_count = 0 and ended_at < timestamptz '2026-02-16 00:00:00+07'
            and ended_at > received_at + interval 2 day
          order by dossier_id limit 1""");
    }
    String id = (String) old.get("dossier_id");
    String ward = (String) old.get("ward_code");
    String t = (String) old.get("t");
    String copied = null;
    for (Path f : Files.list(tmp.resolve("hist/events")).sorted().toList()) {
      for (String l : Files.readAllLines(f)) if (copied == null && l.contains("," + id + ",")) copied = l;
    }
    Path late = tmp.resolve("late/events");
    Files.createDirectories(late);
    Files.write(late.resolve("late.csv"), List.of(
        "event_id,dossier_id,ward_code,procedure_code,event_type,occurred_at,officer_id,step,channel,due_at,detail",
        // a pause logged late: the old dossier's verdict, pauses and old weeks change
        "LATE-1," + id + "," + ward + ",,SUPPLEMENT_REQUESTED," + plus(t, 1) + "+07:00,,,,,",
        "LATE-2," + id + "," + ward + ",,SUPPLEMENT_RECEIVED," + plus(t, 30) + "+07:00,,,,,",
        copied, // an exact duplicate of a loaded row
        copied.replaceFirst(",[^,]*$", ",changed"), // the same event id with other content
        "LATE-3," + id + "," + ward + ",,NOT_A_TYPE,2026-02-03T10:00:00+07:00,,,,,",
        "too,few,columns"));
    IncrementalJob.Outcome o = incremental(wh, tmp.resolve("hist/events"), tmp.resolve("day/events"), late);
    assertTrue(o.summary().reconciles(), o.summary().toString());
    assertEquals(2, o.summary().rejected());
    assertEquals(2, o.summary().duplicates());

    Path rebuilt = tmp.resolve("wh-full-late");
    full(rebuilt, tmp.resolve("hist/events"), tmp.resolve("day/events"), late);
    assertSameTables(rebuilt, wh);
    assertSameIndex(rebuilt, wh);
    try (WarehouseReader r = new WarehouseReader(wh)) {
      assertEquals(1L, r.value("select count(*) from pauses where dossier_id = '" + id + "'"));
      assertEquals(1L, r.value("select count(*) from data_quality where code = 'DUPLICATE_ID_CONFLICT'"));
      // the test clock is fixed, so run ids differ only by their random part: name the run
      assertEquals(2L, r.value("select count(*) from rejects where run_id = '" + o.summary().runId() + "'"));
    }
  }

  @Test
  @Order(4)
  void rerunningTheSameFilesPublishesNothing() throws Exception {
    Path wh = tmp.resolve("wh");
    String before = current(wh);
    IncrementalJob.Outcome o = incremental(wh, tmp.resolve("hist/events"), tmp.resolve("day/events"),
        tmp.resolve("late/events"));
    assertFalse(o.published());
    assertEquals(before, current(wh));
  }

  @Test
  @Order(5)
  void refusedWhenALoadedFileChangedOrTheReferenceDiffers() throws Exception {
    Path wh = tmp.resolve("wh");
    String before = current(wh);
    Path changed = tmp.resolve("changed/events");
    Files.createDirectories(changed);
    List<String> lines = new ArrayList<>(Files.readAllLines(tmp.resolve("late/events/late.csv")));
    lines.remove(lines.size() - 1);
    Files.write(changed.resolve("late.csv"), lines);
    IncrementalJob.RefusedException e = assertThrows(IncrementalJob.RefusedException.class,
        () -> incremental(wh, changed));
    assertTrue(e.getMessage().contains("changed since version"), e.getMessage());

    Path otherRef = tmp.resolve("other-reference");
    Files.createDirectories(otherRef);
    try (Stream<Path> s = Files.list(reference)) {
      for (Path f : s.toList()) Files.copy(f, otherRef.resolve(f.getFileName()));
    }
    Files.writeString(otherRef.resolve(ReferenceData.HOLIDAYS), "date,name\n2026-02-10,a new holiday\n");
    e = assertThrows(IncrementalJob.RefusedException.class, () -> new IncrementalJob(TestSpark.get(),
        options(wh, otherRef, tmp.resolve("day/events")), CLOCK).run());
    assertTrue(e.getMessage().contains("reference data differ"), e.getMessage());
    assertEquals(before, current(wh));
  }

  static String current(Path wh) throws Exception { return Files.readString(wh.resolve("CURRENT")).strip(); }

  static Path version(Path wh) throws Exception { return wh.resolve("versions").resolve(current(wh)); }

  static String plus(String localTime, int hours) {
    return java.time.LocalDateTime.parse(localTime).plusHours(hours)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
  }

  static long linkedFiles(Path baseVersion, Path version, String table) throws Exception {
    long n = 0;
    for (Path p : VersionFiles.parquetFiles(version.resolve(table))) {
      Path b = baseVersion.resolve(table).resolve(p.getFileName());
      if (Files.exists(b) && Files.isSameFile(b, p)) n++;
    }
    return n;
  }

  /**
   * Every table of the full rebuild (the private state included, fold bytes and all; runs excepted) has the same
   * rows in the incremental version, as multisets; run_id is left out.
   */
  /**
   * The published version's segment layout holds: every file of _state/folded holds only dossiers of the segment
   * the state names for it, and every segment of the index has files. (Full runs plan the partitions before the
   * fold, daily runs by the segments' sizes: both must put each dossier where its segment's files are.)
   */
  static void assertEachFileHoldsItsSegment(Path wh) throws Exception {
    WarehouseFs fs = WarehouseFs.of(wh.toString(), new org.apache.hadoop.conf.Configuration());
    RunState state = RunState.read(fs, current(wh));
    Map<String, String> files = state.segments().get(DossierTables.FOLDED);
    assertFalse(files.isEmpty());
    int dossiers = 0;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = version(wh).resolve(DossierTables.FOLDED).resolve(f.getKey());
        try (var rs = db.createStatement().executeQuery("select fold from read_parquet('" + file + "')")) {
          while (rs.next()) {
            assertEquals(f.getValue(), Segments.of(rs.getBytes(1), state.asOfInstant()), f.getKey());
            dossiers++;
          }
        }
      }
    }
    assertEquals(DossierIndex.read(fs, current(wh)).dossiers(), (long) dossiers);
    assertTrue(new java.util.HashSet<>(files.values()).containsAll(DossierIndex.read(fs, current(wh)).segments()));
    assertTrue(files.values().stream().filter(v -> v.startsWith("w")).count() >= 3, files.toString());
  }

  /** The incremental version's dossier index (base's, rewritten segments replaced) equals the rebuild's. */
  static void assertSameIndex(Path fullWh, Path incrementalWh) throws Exception {
    DossierIndex full = DossierIndex.read(WarehouseFs.of(fullWh.toString(), new org.apache.hadoop.conf.Configuration()),
        current(fullWh));
    DossierIndex incremental = DossierIndex.read(WarehouseFs.of(incrementalWh.toString(),
        new org.apache.hadoop.conf.Configuration()), current(incrementalWh));
    assertTrue(full.dossiers() > 0, full.toString());
    assertEquals(full, incremental);
  }

  static void assertSameTables(Path fullWh, Path incrementalWh) throws Exception {
    Path a = version(fullWh);
    Path b = version(incrementalWh);
    TreeSet<String> tables = tables(a);
    assertEquals(tables, tables(b));
    assertTrue(tables.containsAll(List.of("events", "dossiers", "tasks", "pauses", "data_quality", "rejects",
        "officer_weekly", "ward_weekly", "procedure_weekly", "ward_hourly", "_state/folded")), tables.toString());
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      db.createStatement().execute("SET TimeZone = 'Asia/Ho_Chi_Minh'");
      for (String t : tables) {
        if (t.equals("runs")) continue;
        List<Map<String, Object>> x = rows(db, a.resolve(t));
        List<Map<String, Object>> y = rows(db, b.resolve(t));
        assertEquals(x.size(), y.size(), t + " rows");
        for (int i = 0; i < x.size(); i++) assertEquals(x.get(i), y.get(i), t + " row " + i);
      }
    }
  }

  private static List<Map<String, Object>> rows(Connection db, Path table) throws Exception {
    String from = "read_parquet('" + table + "/*.parquet')";
    List<Map<String, Object>> cols = WarehouseReader.rows(db, "select column_name from (describe select * from "
        + from + ")");
    boolean runId = cols.stream().anyMatch(c -> c.get("column_name").equals("run_id"));
    return WarehouseReader.rows(db, "select * " + (runId ? "exclude (run_id) " : "") + "from " + from + " order by all");
  }

  private static TreeSet<String> tables(Path version) throws Exception {
    TreeSet<String> out = new TreeSet<>();
    try (Stream<Path> s = Files.walk(version)) {
      s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .forEach(p -> out.add(version.relativize(p.getParent()).toString()));
    }
    return out;
  }
}
