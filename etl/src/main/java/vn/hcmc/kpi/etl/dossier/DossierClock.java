package vn.hcmc.kpi.etl.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.clock.DueDates;
import vn.hcmc.kpi.etl.clock.WorkingCalendar;
import vn.hcmc.kpi.etl.clock.Zones;
import vn.hcmc.kpi.etl.reference.Procedure;

/**
 * The statutory clock of one dossier (SPEC 4): its due date, its pauses for supplements,
 * whether it is overdue at an instant, and when it became overdue. Pure Java, no Spark.
 */
final class DossierClock {

  /** A supplement interval: the clock stops at the request and runs again at the arrival (null = still waiting). */
  record Pause(Instant requestedAt, Instant arrivedAt) {}

  private final WorkingCalendar cal;
  private final Procedure procedure;
  private final Procedure.ClockRule rule;
  private final ClockSettings settings;
  private final Instant receivedAt;
  private final LocalDate receiptDay;
  /** Due date counted from the receipt (logged or statutory); null when none can be found. */
  private final LocalDate baseDue;
  private final boolean logged;
  private final List<Pause> pauses;
  private final List<Instant> requests;

  DossierClock(WorkingCalendar cal, Procedure procedure, ClockSettings settings, Instant receivedAt,
               Instant loggedDueAt, List<Pause> pauses, List<Instant> requests) {
    this.cal = cal;
    this.procedure = procedure;
    this.rule = procedure == null ? Procedure.ClockRule.PAUSE : procedure.clockRule();
    this.settings = settings;
    this.receivedAt = receivedAt;
    this.receiptDay = cal.receiptDay(receivedAt);
    this.logged = loggedDueAt != null;
    this.baseDue = loggedDueAt != null ? localDate(loggedDueAt)
        : procedure != null ? DueDates.dueDate(procedure, receivedAt, cal) : null;
    this.pauses = pauses;
    this.requests = requests;
  }

  LocalDate receiptDay() { return receiptDay; }
  boolean hasDueDate() { return baseDue != null; }
  boolean logged() { return logged; }
  Procedure.ClockRule rule() { return rule; }

  /** Due date in force at instant t: under RESTART it is counted again from the last arrival at or before t. */
  LocalDate dueAt(Instant t) {
    if (baseDue == null || rule == Procedure.ClockRule.PAUSE) return baseDue;
    Instant restart = null;
    for (Pause p : pauses) {
      if (p.arrivedAt() != null && !p.arrivedAt().isAfter(t)) restart = p.arrivedAt();
    }
    return restart == null ? baseDue : dueFromRestart(restart);
  }

  private LocalDate dueFromRestart(Instant restart) {
    if (!logged) return DueDates.dueDate(procedure, restart, cal);
    // a logged appointment keeps its length in working days, counted again from the arrival
    int days = cal.workingDaysBetween(receiptDay, baseDue);
    return cal.addWorkingDays(cal.receiptDay(restart), days);
  }

  /** Wall-clock time of the pauses closed at or before t (a pause still open at t is not counted). */
  long closedPauseSecondsBefore(Instant t) {
    long s = 0;
    for (Pause p : pauses) {
      if (p.arrivedAt() != null && !p.arrivedAt().isAfter(t)) {
        s += Duration.between(p.requestedAt(), p.arrivedAt()).getSeconds();
      }
    }
    return s;
  }

  /** The open pause at t, if the dossier is waiting for a supplement then. */
  Pause waitingAt(Instant t) {
    for (Pause p : pauses) {
      if (!p.requestedAt().isAfter(t) && (p.arrivedAt() == null || p.arrivedAt().isAfter(t))) return p;
    }
    return null;
  }

  int requestsBy(Instant t) {
    int n = 0;
    for (Instant r : requests) if (!r.isAfter(t)) n++;
    return n;
  }

  /** The clock's reading at t: T minus closed pauses (PAUSE) or T itself (RESTART); a waiting dossier reads its request time. */
  Instant effectiveTime(Instant t) {
    Pause w = waitingAt(t);
    Instant stand = w != null ? w.requestedAt() : t;
    if (rule == Procedure.ClockRule.RESTART) return stand;
    return stand.minusSeconds(closedPauseSecondsBefore(stand));
  }

  /** Is a dossier still open at t overdue then (SPEC 4)? */
  boolean overdueAt(Instant t) {
    if (baseDue == null) return false;
    if (settings.multipleSupplementsLate() && requestsBy(t) > 1) return true;
    Pause w = waitingAt(t);
    Instant stand = w != null ? w.requestedAt() : t;
    return localDate(effectiveTime(t)).isAfter(dueAt(stand));
  }

  /**
   * The first instant at or before limit at which the dossier is overdue, or null. Overdue begins
   * when the clock's reading reaches the start of the day after the due date, or at the second
   * supplement request under the Decision 766 rule.
   */
  Instant becameOverdueAt(Instant limit) {
    if (baseDue == null) return null;
    Instant best = null;
    if (settings.multipleSupplementsLate() && requests.size() > 1 && !requests.get(1).isAfter(limit)) {
      best = requests.get(1);
    }
    Instant byTime = rule == Procedure.ClockRule.PAUSE ? crossingPause() : crossingRestart();
    if (byTime != null && !byTime.isAfter(limit) && (best == null || byTime.isBefore(best))) best = byTime;
    return best;
  }

  private Instant crossingPause() {
    Instant t = dayAfter(baseDue);
    for (Pause p : pauses) {
      if (!p.requestedAt().isBefore(t)) break;
      if (p.arrivedAt() == null) return null; // frozen while waiting
      t = t.plus(Duration.between(p.requestedAt(), p.arrivedAt()));
    }
    return t;
  }

  private Instant crossingRestart() {
    Instant segmentStart = receivedAt;
    LocalDate due = baseDue;
    for (Pause p : pauses) {
      Instant d = dayAfter(due);
      if (d.isBefore(p.requestedAt())) return d.isBefore(segmentStart) ? segmentStart : d;
      if (p.arrivedAt() == null) return null;
      segmentStart = p.arrivedAt();
      due = dueFromRestart(p.arrivedAt());
    }
    Instant d = dayAfter(due);
    return d.isBefore(segmentStart) ? segmentStart : d;
  }

  /** Adjusted end under PAUSE: end minus all paused time before it; under RESTART the end itself. */
  Instant adjustedEnd(Instant end, long pausedSeconds) {
    return rule == Procedure.ClockRule.RESTART ? end : end.minusSeconds(pausedSeconds);
  }

  /** Verdict of a dossier resolved at end (COMPLETED or REJECTED). */
  Verdict resolvedVerdict(Instant end, long pausedSeconds) {
    if (baseDue == null) return Verdict.NO_DEADLINE;
    if (settings.multipleSupplementsLate() && requestsBy(end) > 1) return Verdict.LATE;
    LocalDate endDate = localDate(adjustedEnd(end, pausedSeconds));
    LocalDate due = dueAt(end);
    if (endDate.isBefore(due)) return Verdict.EARLY;
    return endDate.isEqual(due) ? Verdict.ON_TIME : Verdict.LATE;
  }

  static List<Pause> closeAt(List<Pause> pauses, Instant end) {
    List<Pause> out = new ArrayList<>(pauses.size());
    for (Pause p : pauses) out.add(p.arrivedAt() == null ? new Pause(p.requestedAt(), end) : p);
    return out;
  }

  private static Instant dayAfter(LocalDate d) { return Zones.startOfDay(d.toEpochDay() + 1); }

  static LocalDate localDate(Instant t) { return LocalDate.ofEpochDay(Zones.localEpochDay(t)); }
}
