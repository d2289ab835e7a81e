package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.ingest.xes.RealLogs;
import vn.hcmc.kpi.etl.profile.InputMapping;

/**
 * The ETL end to end on the real public logs (skipped when shared/data/real is absent): counts
 * reconcile with the files, on-time verdicts agree with a count made here from the raw XML, units
 * come in with their names.
 */
class RealLogsEtlTest {
  @TempDir Path tmp;

  KpiJob.RunSummary run(String profile, Path... inputs) {
    List<String> in = java.util.Arrays.stream(inputs).map(Path::toString).toList();
    EtlOptions options = new EtlOptions(in, tmp.resolve("wh").toString(), null, null, null, ClockSettings.DEFAULTS, 1);
    return new KpiJob(TestSpark.get(), options, RealLogs.CLOCK)
        .withInput(InputMapping.of(null, profile)).run();
  }

  /** Counted here from the raw file, not through the reader: per trace, its deadline and enddate dates. */
  record WaboCount(int cases, int ended, int late, int lateAmsterdam, int endBeforeStart) {}

  static WaboCount countWabo(Path file, ZoneId zone) throws Exception {
    String xml;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Pattern trace = Pattern.compile("<trace>(.*?)</trace>", Pattern.DOTALL);
    Pattern deadline = Pattern.compile("<date key=\"deadline\" value=\"([^\"]+)\"");
    Pattern end = Pattern.compile("<date key=\"enddate\" value=\"([^\"]+)\"");
    Pattern start = Pattern.compile("<date key=\"startdate\" value=\"([^\"]+)\"");
    int cases = 0, ended = 0, late = 0, lateNl = 0, inconsistent = 0;
    ZoneId nl = ZoneId.of("Europe/Amsterdam");
    Matcher t = trace.matcher(xml);
    while (t.find()) {
      cases++;
      String head = t.group(1);
      int ev = head.indexOf("<event>");
      if (ev >= 0) head = head.substring(0, ev);
      Matcher d = deadline.matcher(head);
      Matcher e = end.matcher(head);
      Matcher st = start.matcher(head);
      if (!e.find()) continue;
      assertTrue(d.find());
      assertTrue(st.find());
      OffsetDateTime due = OffsetDateTime.parse(d.group(1));
      OffsetDateTime done = OffsetDateTime.parse(e.group(1));
      if (done.isBefore(OffsetDateTime.parse(st.group(1)))) { inconsistent++; continue; }
      ended++;
      LocalDate dueDate = due.atZoneSameInstant(zone).toLocalDate();
      if (done.atZoneSameInstant(zone).toLocalDate().isAfter(dueDate)) late++;
      if (done.atZoneSameInstant(nl).toLocalDate().isAfter(due.atZoneSameInstant(nl).toLocalDate())) lateNl++;
    }
    return new WaboCount(cases, ended, late, lateNl, inconsistent);
  }

  @Test
  void waboVerdictsAgreeWithTheRawFile() throws Exception {
    Path f = RealLogs.file("wabo-receipt.xes.gz");
    KpiJob.RunSummary s = run("wabo", f);
    assertEquals(8577, s.rowsRead());
    assertEquals(0, s.rejected());
    assertEquals(0, s.duplicates());
    assertEquals(8577, s.accepted());
    assertEquals(1434, s.dossiers());
    WaboCount c = countWabo(f, ZoneId.of("Asia/Ho_Chi_Minh"));
    assertEquals(1434, c.cases());
    try (WarehouseReader wh = new WarehouseReader(tmp.resolve("wh"))) {
      Map<String, Object> v = wh.row("""
          select count(*) filter (where verdict in ('EARLY','ON_TIME','LATE')) resolved,
                 count(*) filter (where verdict = 'LATE') late,
                 count(*) filter (where verdict like 'OPEN%') open
          from dossiers""");
      System.out.printf("WABO: %d cases, %d ended (%d late by HCM dates, %d by Amsterdam dates), %d end before"
          + " start; warehouse %s%n", c.cases(), c.ended(), c.late(), c.lateAmsterdam(), c.endBeforeStart(), v);
      assertEquals((long) c.ended(), v.get("resolved"));
      assertEquals((long) c.late(), v.get("late"));
      assertEquals((long) (c.cases() - c.ended()), v.get("open"));
      assertEquals("WABO receipt phase (CoSeLoG municipality, NL)",
          wh.value("select name from units where unit_code = 'NL-WABO'"));
      assertEquals(0L, wh.value("select count(*) from data_quality where code = 'UNKNOWN_UNIT'"));
      assertTrue((Long) wh.value("select count(distinct officer_id) from officer_weekly") >= 40);
      assertEquals(8577L, wh.value("select rows_read from runs"));
      // the enddates before their startdate are rejects with a reason, not silent ends
      assertEquals((long) c.endBeforeStart(), wh.value("select count(*) from rejects where reason = 'INCONSISTENT_TIMES'"));
    }
  }

  @Test
  void bpic2015PhaseLogsAreFiveUnits() throws Exception {
    Path dir = RealLogs.dir().resolve("bpic2015-phases");
    RealLogs.file("bpic2015-phases/municipality1.xes.gz");
    KpiJob.RunSummary s = run("bpic2015-phases", dir);
    // XES events of the five files: 54,818 + 50,688 + 63,148 + 55,358 + 72,468; traces 1,199 + 832 + 1,409 + 1,053 + 1,156
    assertEquals(296_480, s.rowsRead());
    assertEquals(s.rowsRead(), s.accepted() + s.rejected() + s.duplicates());
    assertEquals(5_649, s.dossiers());
    try (WarehouseReader wh = new WarehouseReader(tmp.resolve("wh"))) {
      assertEquals(5L, wh.value("select count(distinct ward_code) from ward_weekly"));
      assertEquals(5L, wh.value("select count(*) from units where unit_code like 'NL-BPIC15P-municipality%'"));
      assertEquals(0L, wh.value("select count(*) from data_quality where code = 'UNKNOWN_UNIT'"));
      // a unit per file, each with its own officers and tasks from start/complete pairs
      for (Map<String, Object> r : wh.rows("""
          select ward_code, count(*) tasks, count(distinct officer_id) officers,
                 sum(resolved) filter (where true) resolved
          from tasks join (select ward_code, sum(resolved) resolved from ward_weekly group by 1) using (ward_code)
          group by ward_code order by ward_code""")) {
        System.out.println("BPIC 2015 phases: " + r);
        assertTrue((Long) r.get("tasks") > 1000, r.toString());
        assertTrue((Long) r.get("officers") >= 5, r.toString());
      }
      // the profile's procedure.limit (56 days) judges every ended case, so the five units can be ranked
      assertEquals(0L, wh.value("select count(*) from dossiers where ended_at is not null and verdict not in "
          + "('EARLY','ON_TIME','LATE','WITHDRAWN')"));
      assertEquals(5L, wh.value("select count(distinct ward_code) from ward_weekly where progress_766 is not null"));
      assertEquals(0L, wh.value("select count(*) from data_quality where code = 'UNKNOWN_PROCEDURE'"));
    }
  }

  @Test
  void nyc311RequestsWithTheirDueDates() throws Exception {
    Path f = RealLogs.file("nyc311-sample.csv");
    KpiJob.RunSummary s = run("nyc311", f);
    assertEquals(2000, s.rowsRead());
    assertEquals(1, s.rejected()); // the Closed Date of 01/01/1900
    assertEquals(1999, s.accepted());
    assertEquals(1999, s.dossiers());
    // counted here from the raw rows: closed requests with a due date, late when closed on a later (HCM) date
    java.time.format.DateTimeFormatter fmt = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a",
        java.util.Locale.US);
    ZoneId ny = ZoneId.of("America/New_York");
    ZoneId hcm = ZoneId.of("Asia/Ho_Chi_Minh");
    int resolvedWithDue = 0, late = 0;
    try (vn.hcmc.kpi.etl.reference.CsvReader csv = new vn.hcmc.kpi.etl.reference.CsvReader(Files.newBufferedReader(f))) {
      List<String> h = csv.next().fields();
      int created = h.indexOf("Created Date"), closed = h.indexOf("Closed Date"), due = h.indexOf("Due Date"),
          status = h.indexOf("Status");
      for (var rec = csv.next(); rec != null; rec = csv.next()) {
        List<String> r = rec.fields();
        if (!r.get(status).equals("Closed") || r.get(closed).isEmpty() || r.get(due).isEmpty()) continue;
        var c = java.time.LocalDateTime.parse(r.get(closed), fmt).atZone(ny);
        if (c.isBefore(java.time.LocalDateTime.parse(r.get(created), fmt).atZone(ny))) continue;
        resolvedWithDue++;
        LocalDate d = java.time.LocalDateTime.parse(r.get(due), fmt).atZone(ny).withZoneSameInstant(hcm).toLocalDate();
        if (c.withZoneSameInstant(hcm).toLocalDate().isAfter(d)) late++;
      }
    }
    try (WarehouseReader wh = new WarehouseReader(tmp.resolve("wh"))) {
      Map<String, Object> v = wh.row("""
          select count(*) filter (where verdict in ('EARLY','ON_TIME','LATE')) resolved,
                 count(*) filter (where verdict = 'LATE') late,
                 count(distinct ward_code) units
          from dossiers""");
      System.out.printf("NYC 311: %d closed with a due date, %d late; warehouse %s%n", resolvedWithDue, late, v);
      assertEquals((long) resolvedWithDue, v.get("resolved"));
      assertEquals((long) late, v.get("late"));
      assertEquals(13L, v.get("units"));
      assertEquals(0L, wh.value("select count(*) from data_quality where code = 'UNKNOWN_UNIT'"));
      assertEquals("INCONSISTENT_TIMES", wh.value("select reason from rejects"));
    }
  }
}
