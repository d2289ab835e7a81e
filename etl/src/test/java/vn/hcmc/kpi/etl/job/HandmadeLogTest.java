package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.clock.ClockSettings;

/**
 * The ETL end to end in local Spark on a hand-made log (src/test/resources/logs/handmade) whose
 * answers were worked out by hand; the reasoning for each figure is in the comments.
 */
class HandmadeLogTest {
  @TempDir static Path warehouse;
  static WarehouseReader wh;
  static KpiJob.RunSummary summary;

  @BeforeAll
  static void runEtl() throws Exception {
    EtlOptions options = new EtlOptions(List.of(Path.of("src/test/resources/logs/handmade").toString()),
        warehouse.toString(), EtlOptions.parseAsOf("2026-01-13T12:00:00+07:00"), null, null, ClockSettings.DEFAULTS, 3);
    Clock clock = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
    summary = new KpiJob(TestSpark.get(), options, clock).run();
    wh = new WarehouseReader(warehouse);
  }

  @AfterAll
  static void close() throws Exception { wh.close(); }

  @Test
  void rowsReconcile() {
    // 17 data rows: 1 exact duplicate (e3 twice), 2 rejects (unknown type, missing dossier_id)
    assertEquals(17, summary.rowsRead());
    assertEquals(2, summary.rejected());
    assertEquals(1, summary.duplicates());
    assertEquals(14, summary.accepted());
    assertEquals(6, summary.dossiers());
  }

  @Test
  void rejectsNameLineAndReason() throws Exception {
    List<Map<String, Object>> r = wh.rows("select line, reason from rejects order by line");
    assertEquals(List.of(Map.of("line", 17L, "reason", "UNKNOWN_EVENT_TYPE"), Map.of("line", 18L, "reason", "MISSING_FIELD")), r);
  }

  @Test
  void dueDatesAndVerdicts() throws Exception {
    Map<String, String> expected = Map.of(
        // SAME_DAY before the 15:00 cut-off, done the same day
        "D1", "2026-01-05 2026-01-05 ON_TIME",
        // SAME_DAY at 15:30: due the next working day
        "D2", "2026-01-05 2026-01-06 ON_TIME",
        // received at 17:00:00 (not before close): receipt day is the next working day, due that day; done a day later
        "D3", "2026-01-06 2026-01-06 LATE",
        // 2 working days from Friday 9 Jan: Saturday 10 Jan is a make-up working day, then Monday 12 Jan
        "D4", "2026-01-09 2026-01-12 ON_TIME",
        // online on Saturday evening: receipt Monday 5 Jan, 2 working days → 7 Jan; still open on 13 Jan
        "D5", "2026-01-05 2026-01-07 OPEN_OVERDUE",
        // 02:00Z is 09:00 local; completion written without offset is local 16:30
        "D6", "2026-01-06 2026-01-06 ON_TIME");
    for (Map<String, Object> row : wh.rows("select dossier_id, receipt_date, due_date, verdict from dossiers")) {
      assertEquals(expected.get(row.get("dossier_id")), row.get("receipt_date") + " " + row.get("due_date") + " "
          + row.get("verdict"), "dossier " + row.get("dossier_id"));
    }
    assertEquals(6L, wh.value("select count(*) from dossiers"));
    assertEquals("26782-CB02", wh.value("select holder_officer_id from dossiers where dossier_id = 'D5'"));
  }

  @Test
  void tasksInOfficeHours() throws Exception {
    // D4's processing task: Fri 10:30–17:00 less lunch = 5 h, make-up Saturday 8 h, Monday 07:30–16:00 less lunch 7 h
    Map<String, Object> d4 = wh.row("select office_hours, step_verdict from tasks where dossier_id = 'D4' and step = 'PROCESSING'");
    assertEquals(20.0, (Double) d4.get("office_hours"), 1e-9);
    assertEquals("LATE", d4.get("step_verdict"));
    // D1: 09:30–11:30 and 13:00–14:00
    assertEquals(3.0, (Double) wh.value("select office_hours from tasks where dossier_id = 'D1' and officer_id = '26782-CB02'"), 1e-9);
    // D5 still held at the as-of time (Tue 13 Jan 12:00, lunch): 7.5 + 4×8 + 8 (Sat) + 8 + 4 = 59.5
    Map<String, Object> d5 = wh.row("select office_hours, ended_at from tasks where dossier_id = 'D5'");
    assertEquals(59.5, (Double) d5.get("office_hours"), 1e-9);
    assertNull(d5.get("ended_at"));
  }

  @Test
  void wardWeekly() throws Exception {
    List<Map<String, Object>> rows = wh.rows("""
        select cast(week_start as varchar) w, partial, received, received_online, resolved, early, on_time, late,
               open_end, open_overdue_end, on_time_rate, overdue_rate, progress_766, active_officers
        from ward_weekly where ward_code = '26782' order by week_start""");
    assertEquals(3, rows.size());
    // week of 29 Dec: D5 received online on Saturday; open and in time at Sunday's end
    assertWeek(rows.get(0), "2025-12-29", false, 1, 1, 0, 0, 0, 0, 1, 0, null, 0.0, 20.0, 0);
    // week of 5 Jan: D1..D4, D6 received; D1, D2, D6 on time, D3 late; D4 open in time, D5 open overdue
    assertWeek(rows.get(1), "2026-01-05", false, 5, 0, 4, 0, 3, 1, 2, 1, 0.75, 2.0 / 6, 4.0 / 6 * 20, 2);
    // week of 12 Jan (partial at Tue 12:00): D4 on time; D5 still open and overdue
    assertWeek(rows.get(2), "2026-01-12", true, 0, 0, 1, 0, 1, 0, 1, 1, 1.0, 0.5, 10.0, 1);
  }

  @Test
  void officerWeekly() throws Exception {
    Map<String, Object> a = wh.row("select * from officer_weekly where officer_id = '26782-CB01' and week_start = '2026-01-05'");
    assertEquals(5L, a.get("tasks_started"));
    assertEquals(5L, a.get("tasks_completed"));
    // completed task hours 0.5, 4.0, 8.5, 0.5, 6.0
    assertEquals(4.0, (Double) a.get("task_hours_median"), 1e-9);
    assertEquals(1L, a.get("late_attributed")); // D3 became overdue on 7 Jan 00:00 while CB01 held it
    Map<String, Object> b = wh.row("select * from officer_weekly where officer_id = '26782-CB02' and week_start = '2026-01-05'");
    assertEquals(3L, b.get("tasks_started"));
    assertEquals(1L, b.get("tasks_completed"));
    assertEquals(2L, b.get("open_tasks_end"));   // D4 and D5 at Sunday's end
    assertEquals(1L, b.get("overdue_held_end")); // D5
    assertEquals(1L, b.get("late_attributed"));  // D5 became overdue on 8 Jan 00:00
  }

  @Test
  void procedureWeekly() throws Exception {
    // same-day certification, week of 5 Jan: D1, D2 on time, D3 late; resolution days 0, 1, 1 (working days
    // from the receipt day to the adjusted end's date)
    Map<String, Object> cert = wh.row("""
        select received, resolved, early, on_time, late, on_time_rate, open_end, resolution_days_median,
               resolution_days_p90, online_share, supplement_rate
        from procedure_weekly where procedure_code = '2.000815' and week_start = '2026-01-05'""");
    assertEquals(List.of(3L, 3L, 0L, 2L, 1L, 0L), List.of(cert.get("received"), cert.get("resolved"), cert.get("early"),
        cert.get("on_time"), cert.get("late"), cert.get("open_end")));
    assertClose(2.0 / 3, cert.get("on_time_rate"), "on_time_rate");
    assertClose(1.0, cert.get("resolution_days_median"), "median");
    assertClose(1.0, cert.get("resolution_days_p90"), "p90");
    assertClose(0.0, cert.get("online_share"), "online_share");
    assertClose(0.0, cert.get("supplement_rate"), "supplement_rate");
    // two-working-day contracts: D4 received 9 Jan; D4 and D5 open at Sunday's end, D5 overdue
    Map<String, Object> contracts = wh.row("""
        select received, resolved, open_end, open_overdue_end, on_time_rate from procedure_weekly
        where procedure_code = '2.000942' and week_start = '2026-01-05'""");
    assertEquals(List.of(1L, 0L, 2L, 1L), List.of(contracts.get("received"), contracts.get("resolved"),
        contracts.get("open_end"), contracts.get("open_overdue_end")));
    assertNull(contracts.get("on_time_rate"));
    // D4 resolved 12 Jan: 10 Jan (make-up Saturday) and 12 Jan are the two working days after its receipt day
    assertClose(2.0, wh.value("select resolution_days_median from procedure_weekly "
        + "where procedure_code = '2.000942' and week_start = '2026-01-12'"), "D4 resolution days");
    assertClose(1.0, wh.value("select online_share from procedure_weekly "
        + "where procedure_code = '2.000942' and week_start = '2025-12-29'"), "D5 came online");
  }

  @Test
  void wardHourly() throws Exception {
    // Monday 5 Jan, 09:00–09:59: D1 received at 09:00 and assigned at 09:30
    assertEquals(Map.of("received", 1L, "events", 2L, "integration_errors", 0L), wh.row("""
        select received, events, integration_errors from ward_hourly
        where week_start = '2026-01-05' and weekday = 1 and hour = 9"""));
    // D6 received at 02:00Z = Tuesday 09:00 local; D5 online on Saturday 3 Jan at 20:00
    assertEquals(1L, wh.value("select received from ward_hourly where week_start = '2026-01-05' and weekday = 2 and hour = 9"));
    assertEquals(1L, wh.value("select received from ward_hourly where week_start = '2025-12-29' and weekday = 6 and hour = 20"));
    assertEquals(6L, wh.value("select sum(received)::bigint from ward_hourly"));
    assertEquals(14L, wh.value("select sum(events)::bigint from ward_hourly"));
  }

  private static void assertWeek(Map<String, Object> r, String week, boolean partial, long received, long online,
                                 long resolved, long early, long onTime, long late, long open, long overdue,
                                 Double onTimeRate, Double overdueRate, Double progress, long officers) {
    assertEquals(week, r.get("w"));
    assertEquals(partial, r.get("partial"), week + " partial");
    assertEquals(List.of(received, online, resolved, early, onTime, late, open, overdue, officers),
        List.of(r.get("received"), r.get("received_online"), r.get("resolved"), r.get("early"), r.get("on_time"),
            r.get("late"), r.get("open_end"), r.get("open_overdue_end"), r.get("active_officers")), week);
    assertClose(onTimeRate, r.get("on_time_rate"), week + " on_time_rate");
    assertClose(overdueRate, r.get("overdue_rate"), week + " overdue_rate");
    assertClose(progress, r.get("progress_766"), week + " progress_766");
  }

  private static void assertClose(Double expected, Object actual, String what) {
    if (expected == null) { assertNull(actual, what); return; }
    assertEquals(expected, (Double) actual, 1e-9, what);
  }
}
