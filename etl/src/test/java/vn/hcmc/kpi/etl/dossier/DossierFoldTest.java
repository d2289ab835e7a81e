package vn.hcmc.kpi.etl.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.clock.Zones;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/** The clock's rules on single dossiers, each with its worked answer. */
class DossierFoldTest {
  static final String TWO_WD = "2.000942";   // 2 working days, PAUSE
  static final String SAME_DAY = "2.000815";
  final DossierFold fold = new DossierFold(ReferenceData.defaults(), ClockSettings.DEFAULTS);

  static Instant t(String local) { return LocalDateTime.parse(local).atZone(Zones.LOCAL).toInstant(); }

  static final class Log {
    final List<LogEvent> events = new ArrayList<>();
    final String dossier;
    String procedure;
    Log(String dossier, String procedure) { this.dossier = dossier; this.procedure = procedure; }
    Log add(EventType type, String local, String officer) { return add(type, local, officer, null); }
    Log add(EventType type, String local, String officer, String dueLocal) {
      events.add(new LogEvent("e" + events.size(), dossier, "26782", type == EventType.RECEIVED ? procedure : null,
          type, t(local), officer, null, type == EventType.RECEIVED ? Channel.COUNTER : null,
          dueLocal == null ? null : t(dueLocal), null, "test.csv", events.size() + 2));
      return this;
    }
  }

  @Test
  void pauseAcrossAWeekendIsSubtracted() {
    // due Wed 4 Mar; paused Tue 3 Mar 10:00 → Mon 9 Mar 10:00 (6 days); done Tue 10 Mar 09:00
    // adjusted end = 10 Mar 09:00 − 6 days = 4 Mar 09:00 → on the due date
    Log log = new Log("P1", TWO_WD)
        .add(EventType.RECEIVED, "2026-03-02T09:00:00", "A")
        .add(EventType.SUPPLEMENT_REQUESTED, "2026-03-03T10:00:00", "A")
        .add(EventType.SUPPLEMENT_RECEIVED, "2026-03-09T10:00:00", null)
        .add(EventType.COMPLETED, "2026-03-10T09:00:00", "A");
    FoldResult r = fold.fold(log.events, t("2026-03-20T00:00:00"));
    DossierFacts f = r.facts();
    assertEquals(List.of(new PauseInterval("26782", "P1", t("2026-03-03T10:00:00"), t("2026-03-09T10:00:00"),
        t("2026-03-09T10:00:00"), 6 * 86400L)), r.pauses());
    assertEquals(LocalDate.parse("2026-03-04"), f.dueDate());
    assertEquals(6 * 86400L, f.pausedSeconds());
    assertEquals(Verdict.ON_TIME, f.verdict());
    assertEquals(1, f.supplementCount());
    assertEquals(t("2026-03-04T09:00:00"), f.adjustedEndAt());
  }

  @Test
  void waitingForASupplementIsJudgedAtTheRequest() {
    Log log = new Log("P2", TWO_WD)
        .add(EventType.RECEIVED, "2026-03-02T09:00:00", "A")
        .add(EventType.SUPPLEMENT_REQUESTED, "2026-03-03T10:00:00", "A");
    FoldResult r = fold.fold(log.events, t("2026-03-12T12:00:00"));
    assertTrue(r.facts().waitingSupplement());
    assertEquals(List.of(new PauseInterval("26782", "P2", t("2026-03-03T10:00:00"), null, null, 0)), r.pauses());
    assertEquals(Verdict.OPEN_IN_TIME, r.facts().verdict(), "the request on 3 Mar stands in for the as-of time");
    assertEquals(0, r.facts().pausedSeconds(), "no pause closed yet");
    assertNull(r.facts().holderOfficerId(), "the citizen holds it");
    WeekFact firstWeek = r.weeks().get(0);
    assertEquals(LocalDate.parse("2026-03-02"), firstWeek.weekStart());
    assertEquals(1, firstWeek.openEnd());
    assertEquals(0, firstWeek.openOverdueEnd());
  }

  @Test
  void aSecondSupplementRequestMakesItLateUnlessTurnedOff() {
    Log log = new Log("P3", TWO_WD)
        .add(EventType.RECEIVED, "2026-03-02T09:00:00", "A")
        .add(EventType.ASSIGNED, "2026-03-02T09:10:00", "B")
        .add(EventType.SUPPLEMENT_REQUESTED, "2026-03-02T10:00:00", "B")
        .add(EventType.SUPPLEMENT_RECEIVED, "2026-03-02T11:00:00", null)
        .add(EventType.SUPPLEMENT_REQUESTED, "2026-03-02T14:00:00", "B")
        .add(EventType.SUPPLEMENT_RECEIVED, "2026-03-02T15:00:00", null)
        .add(EventType.COMPLETED, "2026-03-03T09:00:00", "B");
    DossierFacts on = fold.fold(log.events, t("2026-03-20T00:00:00")).facts();
    assertEquals(Verdict.LATE, on.verdict());
    assertEquals(t("2026-03-02T14:00:00"), on.becameOverdueAt());
    assertEquals("B", on.lateOfficerId(), "B asked for the second supplement");
    DossierFacts off = new DossierFold(ReferenceData.defaults(), new ClockSettings(false))
        .fold(log.events, t("2026-03-20T00:00:00")).facts();
    assertEquals(Verdict.EARLY, off.verdict(), "adjusted end 3 Mar 07:00 is before the due date 4 Mar");
  }

  @Test
  void restartRuleCountsTheLimitAgainFromTheSupplement(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("procedures.csv"), """
        procedure_code,name_vi,name_en,field,time_value,time_unit,same_day_cutoff,clock_rule
        R2,Thủ tục R,Restart procedure,test,2,WORKING_DAYS,,RESTART
        P2,Thủ tục P,Pause procedure,test,2,WORKING_DAYS,,PAUSE
        """);
    DossierFold custom = new DossierFold(ReferenceData.load(dir), ClockSettings.DEFAULTS);
    for (String proc : List.of("R2", "P2")) {
      Log log = new Log("R-" + proc, proc)
          .add(EventType.RECEIVED, "2026-03-02T09:00:00", "A")
          .add(EventType.SUPPLEMENT_REQUESTED, "2026-03-03T10:00:00", "A")
          .add(EventType.SUPPLEMENT_RECEIVED, "2026-03-05T10:00:00", null)
          .add(EventType.COMPLETED, "2026-03-09T16:00:00", "A");
      DossierFacts f = custom.fold(log.events, t("2026-03-20T00:00:00")).facts();
      if (proc.equals("R2")) {
        // 2 working days counted again from Thu 5 Mar: Fri 6, Mon 9
        assertEquals(LocalDate.parse("2026-03-09"), f.dueDate());
        assertEquals(Verdict.ON_TIME, f.verdict());
      } else {
        // paused 2 days: adjusted end Sat 7 Mar 16:00, after the due date 4 Mar
        assertEquals(LocalDate.parse("2026-03-04"), f.dueDate());
        assertEquals(Verdict.LATE, f.verdict());
      }
    }
  }

  @Test
  void withdrawnIsNeitherResolvedNorInRates() {
    Log log = new Log("W1", TWO_WD)
        .add(EventType.RECEIVED, "2026-03-02T09:00:00", "A")
        .add(EventType.WITHDRAWN, "2026-03-10T09:00:00", null);
    FoldResult r = fold.fold(log.events, t("2026-03-20T00:00:00"));
    assertEquals(Verdict.WITHDRAWN, r.facts().verdict());
    WeekFact endWeek = r.weeks().stream().filter(w -> w.weekStart().equals(LocalDate.parse("2026-03-09"))).findFirst().orElseThrow();
    assertEquals(1, endWeek.withdrawn());
    assertEquals(0, endWeek.resolved());
    assertEquals(0, endWeek.late());
    assertNull(r.facts().lateOfficerId());
  }

  @Test
  void loggedAppointmentAndApologyDate() {
    Log log = new Log("L1", SAME_DAY)
        .add(EventType.RECEIVED, "2026-03-02T09:00:00", "A", "2026-03-04T17:00:00")
        .add(EventType.APOLOGY_ISSUED, "2026-03-04T10:00:00", "A", "2026-03-12T17:00:00")
        .add(EventType.COMPLETED, "2026-03-11T09:00:00", "A");
    DossierFacts f = fold.fold(log.events, t("2026-03-20T00:00:00")).facts();
    assertEquals(LocalDate.parse("2026-03-04"), f.dueDate(), "the appointment on the receipt, not the statutory same day");
    assertEquals("LOGGED", f.dueSource());
    assertEquals(LocalDate.parse("2026-03-12"), f.apologyDueDate());
    assertEquals(Verdict.LATE, f.verdict(), "an apology does not move the KPI due date");
    assertEquals(1, f.apologies());
  }

  @Test
  void anomaliesAreFlaggedAndTheDossierKeepsFlowing() {
    Log log = new Log("X1", "NOPE")
        .add(EventType.ASSIGNED, "2026-03-02T08:00:00", "B")
        .add(EventType.RECEIVED, "2026-03-02T09:00:00", "A")
        .add(EventType.COMPLETED, "2026-03-02T10:00:00", "A")
        .add(EventType.REJECTED, "2026-03-02T11:00:00", "A");
    FoldResult r = fold.fold(log.events, t("2026-03-20T00:00:00"));
    List<String> codes = r.anomalies().stream().map(Anomaly::code).toList();
    assertTrue(codes.containsAll(List.of("EVENT_BEFORE_RECEIVED", "UNKNOWN_PROCEDURE", "TWO_RESOLUTIONS")), codes.toString());
    assertEquals(Verdict.NO_DEADLINE, r.facts().verdict());
    assertEquals("COMPLETED", r.facts().outcome(), "the first resolution is the end");
    assertFalse(r.weeks().stream().anyMatch(w -> w.resolved() > 0), "not judged without a due date");
  }

  @Test
  void exactDuplicatesAreKeptOnce() {
    Log log = new Log("D1", SAME_DAY)
        .add(EventType.RECEIVED, "2026-03-02T09:00:00", "A")
        .add(EventType.COMPLETED, "2026-03-02T10:00:00", "A");
    List<LogEvent> twice = new ArrayList<>(log.events);
    LogEvent c = log.events.get(1);
    twice.add(new LogEvent(c.eventId(), c.dossierId(), c.wardCode(), c.procedureCode(), c.type(), c.occurredAt(),
        c.officerId(), c.step(), c.channel(), c.dueAt(), c.detail(), "other.csv", 7));
    FoldResult r = fold.fold(twice, t("2026-03-20T00:00:00"));
    assertEquals(1, r.duplicates());
    assertEquals(2, r.events().size());
    assertTrue(r.anomalies().isEmpty(), r.anomalies().toString());
  }
}
