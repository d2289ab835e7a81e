package vn.hcmc.kpi.etl.generate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import vn.hcmc.kpi.etl.clock.OfficeSession;
import vn.hcmc.kpi.etl.clock.WorkingCalendar;
import vn.hcmc.kpi.etl.clock.Zones;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.reference.Officer;
import vn.hcmc.kpi.etl.reference.Procedure;

/**
 * Plays out the lifecycle of one dossier of one unit (see {@link LogGenerator} for the model).
 * Everything it draws comes from the dossier's own random stream and from per-(unit, day)
 * pure functions (integration-error bursts), so a dossier's rows never depend on other units.
 */
final class DossierSimulator {

  static final String STEP_RECEPTION = "RECEPTION";
  static final String STEP_PROCESSING = "PROCESSING";
  static final String STEP_APPROVAL = "APPROVAL";
  static final String STEP_RESULT = "RESULT";

  static final String[] SYSTEMS = {"NATIONAL_PORTAL", "POPULATION_DB", "PAYMENT", "CITY_ONE_STOP", "DIGITAL_SIGNATURE"};
  private static final double[] SYSTEM_CUM = Rng.cumulative(new double[] {0.36, 0.34, 0.12, 0.11, 0.07});

  // outcome and lateness parameters
  static final double P_WITHDRAWN = 0.005;
  static final double P_REJECTED = 0.015;
  static final double P_LATE_SAME_DAY = 0.004;
  static final Map<String, Double> P_LATE_BY_FIELD = Map.of(
      "chung_thuc", 0.015, "ho_tich", 0.02, "kinh_doanh", 0.03, "bao_tro_xa_hoi", 0.04,
      "dat_dai", 0.20, "xay_dung", 0.15);
  static final double P_LATE_DEFAULT = 0.03;
  static final double P_APOLOGY_WHEN_LATE = 0.6;
  static final double P_SUPPLEMENT_UNANSWERED = 0.08;
  static final double P_SECOND_SUPPLEMENT = 0.12;
  static final double P_NOT_RETURNED = 0.02;
  static final double P_BURST_HIT = 0.12;
  static final double P_BACKGROUND_ERROR = 0.001;
  static final double BURSTS_PER_DAY = 0.35;

  private final UnitProfile unit;
  private final WorkingCalendar cal;
  private final long seed;
  private final long unitHash;
  private final Map<Long, int[][]> burstCache = new HashMap<>();

  DossierSimulator(UnitProfile unit, WorkingCalendar cal, long seed) {
    this.unit = unit;
    this.cal = cal;
    this.seed = seed;
    this.unitHash = Rng.hash(unit.code());
  }

  /** A step of the plan before it becomes a {@link LogEvent}. */
  private static final class Ev {
    LocalDateTime at;
    final EventType type;
    final Officer officer;
    final String step;
    LocalDateTime due;
    final String detail;
    Ev(LocalDateTime at, EventType type, Officer officer, String step, LocalDateTime due, String detail) {
      this.at = at; this.type = type; this.officer = officer; this.step = step; this.due = due; this.detail = detail;
    }
  }

  /**
   * @param snapshotEnd local epoch seconds; events at or after it are not returned
   */
  List<LogEvent> simulate(String dossierId, LocalDateTime t0, Channel ch, Procedure p, SplittableRandom r,
                          long snapshotEnd) {
    List<Ev> evs = new ArrayList<>(10);
    boolean sameDay = p.timeUnit() == Procedure.TimeUnit.SAME_DAY;
    String field = p.field() == null ? "" : p.field();
    boolean slowField = field.equals("dat_dai") || field.equals("xay_dung");

    Officer intake = ch == Channel.ONLINE ? null : unit.pickCounter(r);
    LocalDate receiptDay = cal.receiptDay(t0);
    LocalDate due = DueDates.dueDate(p, t0, cal);
    LocalDateTime dueInstant = DueDates.dueAt(p, t0, cal);
    Ev received = new Ev(t0, EventType.RECEIVED, intake, STEP_RECEPTION,
        Rng.chance(r, unit.appointmentRate()) ? dueInstant : null, null);
    evs.add(received);

    LocalDateTime start = nextOffice(t0);
    double pLate = (sameDay ? P_LATE_SAME_DAY : P_LATE_BY_FIELD.getOrDefault(field, P_LATE_DEFAULT)) * unit.lateMultiplier();
    boolean late = Rng.chance(r, pLate);
    double o = r.nextDouble();
    EventType outcome = o < P_WITHDRAWN ? EventType.WITHDRAWN : o < P_WITHDRAWN + P_REJECTED ? EventType.REJECTED
        : EventType.COMPLETED;

    // ---- when processing ends ----
    LocalDateTime end;
    if (sameDay) {
      if (!late) {
        long dur = (long) clamp(Rng.logNormal(r, 2400, 0.7), 480, 5 * 3600);
        end = addOffice(start, dur);
        if (end.toLocalDate().isAfter(due)) { // staff stay on to finish on the due day
          LocalDateTime latest = due.atTime(16, 15).plusSeconds(r.nextInt(95 * 60));
          end = latest.isAfter(start.plusMinutes(5)) ? latest : start.plusMinutes(10 + r.nextInt(50));
        }
      } else {
        end = officeTimeOn(cal.addWorkingDays(due, 1 + Rng.geometric(r, 0.6)), r);
      }
    } else {
      int nwd = cal.workingDaysBetween(receiptDay, due);
      LocalDate endDay;
      if (!late) {
        if (nwd == 0 || Rng.chance(r, 0.10)) {
          endDay = due;
        } else {
          int kmin = (int) (nwd * 0.2);
          int k = kmin + (int) Math.floor(Math.pow(r.nextDouble(), 1.3) * (nwd - kmin));
          endDay = cal.addWorkingDays(receiptDay, k);
        }
      } else {
        endDay = cal.addWorkingDays(due, 1 + Rng.geometric(r, slowField ? 0.2 : 0.4));
      }
      end = officeTimeOn(endDay, r);
      if (!end.isAfter(start.plusMinutes(30))) end = addOffice(start, 1800 + r.nextInt(2 * 3600));
    }
    // staff working late because the shared systems are congested in office hours
    boolean eveningEnd = false;
    if (Rng.chance(r, unit.afterHoursRate()) && cal.isWorkingDay(end.toLocalDate())) {
      LocalDateTime ah = end.toLocalDate().atTime(17, 0).plusSeconds((long) (Math.pow(r.nextDouble(), 1.6) * 3 * 3600));
      if (ah.isAfter(start)) { end = ah; eveningEnd = true; }
    } else if (!sameDay && Rng.chance(r, unit.afterHoursRate() * 0.25)) { // weekend catch-up
      for (LocalDate d = end.toLocalDate().minusDays(1); d.isAfter(start.toLocalDate()); d = d.minusDays(1)) {
        DayOfWeek w = d.getDayOfWeek();
        if ((w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY) && !cal.isWorkingDay(d)) {
          end = d.atTime(8, 0).plusSeconds(r.nextInt(4 * 3600));
          break;
        }
      }
    }

    // ---- internal steps on the office-time axis from start to end ----
    long total = Math.max(120, officeBetween(start, end));
    long a1pos = sameDay ? (long) (total * Rng.uniform(r, 0.05, 0.25))
        : (long) Math.min(total * 0.15, Rng.logNormal(r, 2700, 0.8));
    long a2pos = total - (long) Math.min(total * Rng.uniform(r, 0.1, 0.35), Rng.logNormal(r, 3 * 3600, 0.9));
    if (a2pos <= a1pos + 60) a2pos = a1pos + (total - a1pos) / 2;
    Officer specialist = unit.pickSpecialist(r, field);
    Officer leader = unit.pickLeader(r);
    Ev assigned = new Ev(addOffice(start, a1pos), EventType.ASSIGNED, specialist, STEP_PROCESSING, null, null);
    Ev approval = new Ev(addOffice(start, a2pos), EventType.ASSIGNED, leader, STEP_APPROVAL, null, null);
    if (eveningEnd && approval.at.toLocalDate().equals(end.toLocalDate()) && end.toLocalTime().isAfter(LocalTime.of(17, 1))
        && Rng.chance(r, 0.5)) { // signed in the same evening session
      approval.at = end.toLocalDate().atTime(17, 0).plusSeconds(r.nextInt(end.toLocalTime().toSecondOfDay() - 17 * 3600));
    } else if (Rng.chance(r, unit.afterHoursRate() * 0.6) && approval.at.toLocalDate().isBefore(end.toLocalDate())
        && cal.isWorkingDay(approval.at.toLocalDate())) {
      approval.at = approval.at.toLocalDate().atTime(17, 0).plusSeconds(r.nextInt(150 * 60));
    }
    // very short spans (e.g. a minute before close, finished after hours): keep the order by wall clock
    if (!assigned.at.isBefore(end)) assigned.at = t0.plusSeconds(Math.max(1, Duration.between(t0, end).getSeconds() / 3));
    if (!approval.at.isBefore(end) || !approval.at.isAfter(assigned.at)) {
      approval.at = assigned.at.plusSeconds(Math.max(1, Duration.between(assigned.at, end).getSeconds() / 2));
    }
    Ev ending = new Ev(end, outcome == EventType.WITHDRAWN ? EventType.COMPLETED : outcome, leader, STEP_RESULT, null, null);
    evs.add(assigned);
    long budget = Math.max(3600, officeBetween(start, dueInstant));
    if (unit.logsStepDeadlines()) assigned.due = addOffice(assigned.at, (long) (budget * (sameDay ? 0.6 : 0.7)));

    // ---- supplements (multi-day only); the clock pauses while the citizen gathers papers ----
    boolean open = false; // stays open forever (supplement never answered)
    LocalDateTime lastResume = assigned.at;
    int requests = 0;
    long pausedSeconds = 0;
    if (!sameDay && Rng.chance(r, unit.supplementRate())) {
      LocalDateTime from = assigned.at;
      for (int round = 0; round < 2; round++) {
        long gap = officeBetween(from, approval.at);
        LocalDateTime q = addOffice(from, Math.max(60, (long) (gap * Rng.uniform(r, 0.1, 0.6))));
        if (!q.isBefore(approval.at)) q = from.plusMinutes(1);
        evs.add(new Ev(q, EventType.SUPPLEMENT_REQUESTED, specialist, STEP_PROCESSING, null, null));
        requests++;
        if (Rng.chance(r, round == 0 ? P_SUPPLEMENT_UNANSWERED : 0.15)) { open = true; break; }
        LocalDateTime resp = supplementArrival(q, ch, r);
        evs.add(new Ev(resp, EventType.SUPPLEMENT_RECEIVED, specialist, STEP_PROCESSING, null, null));
        pausedSeconds += Duration.between(q, resp).getSeconds();
        long days = Duration.between(q.toLocalDate().atStartOfDay(), resp.toLocalDate().atStartOfDay()).toDays();
        approval.at = shift(approval.at, days);
        if (!approval.at.isAfter(resp)) approval.at = addOffice(resp, 600 + r.nextInt(2 * 3600));
        ending.at = shift(ending.at, days);
        if (!ending.at.isAfter(approval.at)) ending.at = addOffice(approval.at, 600 + r.nextInt(2 * 3600));
        lastResume = resp;
        from = resp;
        if (!Rng.chance(r, P_SECOND_SUPPLEMENT)) break;
      }
    }
    if (open) {
      outcome = null; // waits for the citizen; no further processing
    } else {
      evs.add(approval);
      if (unit.logsStepDeadlines()) approval.due = addOffice(approval.at, Math.max(1800, (long) (budget * 0.2)));
      evs.add(ending);
    }

    // ---- withdrawal: any time before the planned end ----
    if (outcome == EventType.WITHDRAWN) {
      long span = Math.max(60, Duration.between(t0, ending.at).getSeconds());
      LocalDateTime w = t0.plusSeconds(Math.max(60, (long) (span * Rng.uniform(r, 0.05, 1.0))));
      if (ch != Channel.ONLINE) w = nextOffice(w);
      if (!w.isBefore(ending.at)) w = ending.at;
      final LocalDateTime cut = w;
      evs.removeIf(e -> e != received && !e.at.isBefore(cut));
      evs.add(new Ev(w, EventType.WITHDRAWN, ch == Channel.ONLINE ? null : unit.pickCounter(r), null, null, null));
    }

    // ---- apology slip before the deadline on dossiers that will be late ----
    boolean pastDue = outcome != null && outcome != EventType.WITHDRAWN
        && ending.at.minusSeconds(pausedSeconds).toLocalDate().isAfter(due); // the clock stops while paused
    if (pastDue && Rng.chance(r, P_APOLOGY_WHEN_LATE)) {
      LocalDate day = due;
      int back = sameDay ? 0 : r.nextInt(3);
      for (int i = 0; i < back; i++) {
        LocalDate prev = day.minusDays(1);
        while (!cal.isWorkingDay(prev)) prev = prev.minusDays(1);
        day = prev;
      }
      LocalDateTime at = sameDay ? day.atTime(15, 30).plusSeconds(r.nextInt(89 * 60)) : officeTimeOn(day, r);
      LocalDateTime lower = lastResume.isAfter(assigned.at) ? lastResume : assigned.at;
      if (!at.isAfter(lower)) at = addOffice(lower, 600 + r.nextInt(3600));
      if (!at.toLocalDate().isAfter(due) && at.isBefore(ending.at)) {
        LocalDate newDate = Rng.chance(r, 0.3) ? cal.nextWorkingDay(ending.at.toLocalDate()) : ending.at.toLocalDate();
        if (!cal.isWorkingDay(newDate)) newDate = cal.workingDayOnOrAfter(newDate);
        evs.add(new Ev(at, EventType.APOLOGY_ISSUED, leader, null, newDate.atTime(cal.closes(newDate)), null));
      }
    }

    // ---- the result goes back to the citizen ----
    if (outcome == EventType.COMPLETED || outcome == EventType.REJECTED) {
      if (!Rng.chance(r, P_NOT_RETURNED)) {
        LocalDateTime e = ending.at;
        LocalDateTime ret;
        if (ch == Channel.ONLINE && Rng.chance(r, 0.7)) {
          ret = e.plusSeconds(60 + r.nextInt(40 * 60)); // electronic result
        } else if (ch == Channel.POST) {
          ret = officeTimeOn(cal.nextWorkingDay(e.toLocalDate()), r); // mailed
        } else if (cal.isOfficeTime(e) && e.toLocalTime().isBefore(LocalTime.of(16, 0)) && Rng.chance(r, 0.45)) {
          ret = addOffice(e, 600 + r.nextInt(110 * 60)); // picked up the same day
        } else {
          ret = officeTimeOn(cal.addWorkingDays(e.toLocalDate(), 1 + Rng.geometric(r, 0.5)), r);
        }
        evs.add(new Ev(ret, EventType.RETURNED, unit.pickCounter(r), STEP_RESULT, null, null));
      }
    }

    // ---- chronological order, strictly increasing seconds ----
    evs.sort((a, b) -> a.at.compareTo(b.at)); // stable: planned order kept on ties
    for (int i = 1; i < evs.size(); i++) {
      if (!evs.get(i).at.isAfter(evs.get(i - 1).at)) evs.get(i).at = evs.get(i - 1).at.plusSeconds(1);
    }

    // ---- integration errors: bursts in peak hours, plus a background trickle ----
    List<Ev> errors = null;
    for (Ev e : evs) {
      if (e.type == EventType.WITHDRAWN) continue;
      String system = null;
      int[][] bursts = bursts(e.at.toLocalDate());
      int sod = e.at.toLocalTime().toSecondOfDay();
      for (int[] b : bursts) {
        if (sod >= b[0] && sod < b[1] && Rng.chance(r, P_BURST_HIT)) { system = SYSTEMS[b[2]]; break; }
      }
      if (system == null && Rng.chance(r, P_BACKGROUND_ERROR * unit.errorPropensity())) {
        system = SYSTEMS[Rng.pick(r, SYSTEM_CUM)];
      }
      if (system != null) {
        if (errors == null) errors = new ArrayList<>(2);
        errors.add(new Ev(e.at.plusSeconds(3 + r.nextInt(240)), EventType.INTEGRATION_ERROR, e.officer, null, null, system));
      }
    }
    if (errors != null) {
      evs.addAll(errors);
      evs.sort((a, b) -> a.at.compareTo(b.at));
      for (int i = 1; i < evs.size(); i++) {
        if (!evs.get(i).at.isAfter(evs.get(i - 1).at)) evs.get(i).at = evs.get(i - 1).at.plusSeconds(1);
      }
    }

    // ---- the snapshot ends at the end of --to ----
    List<LogEvent> out = new ArrayList<>(evs.size());
    int seq = 0;
    for (Ev e : evs) {
      long at = LogEvent.localSeconds(e.at);
      if (at >= snapshotEnd) break;
      seq++;
      out.add(new LogEvent(at, dossierId, unit.code(), e.type == EventType.RECEIVED ? p.code() : null, e.type,
          e.officer == null ? null : e.officer.officerId(), e.step, e.type == EventType.RECEIVED ? ch : null,
          e.due == null ? LogEvent.NO_TIME : LogEvent.localSeconds(e.due), e.detail, seq));
    }
    return out;
  }

  /** When the citizen brings the missing papers: a few days later; online uploads at any hour. */
  private LocalDateTime supplementArrival(LocalDateTime q, Channel ch, SplittableRandom r) {
    int days = (int) clamp(Math.round(Rng.logNormal(r, 3, 0.7)), 1, 30);
    LocalDate d = q.toLocalDate().plusDays(days);
    if (ch == Channel.ONLINE && Rng.chance(r, 0.6)) return d.atTime(7, 0).plusSeconds(r.nextInt(15 * 3600));
    return officeTimeOn(cal.workingDayOnOrAfter(d), r);
  }

  /** Moves a planned time by whole days, onto a working day if it was planned on one. */
  private LocalDateTime shift(LocalDateTime t, long days) {
    LocalDateTime s = t.plusDays(days);
    if (cal.isWorkingDay(t.toLocalDate()) && !cal.isWorkingDay(s.toLocalDate())) {
      s = cal.workingDayOnOrAfter(s.toLocalDate()).atTime(s.toLocalTime());
    }
    return s;
  }

  /** Integration-error bursts of this unit on a day: {startSecondOfDay, endSecondOfDay, systemIndex}. */
  int[][] bursts(LocalDate d) {
    return burstCache.computeIfAbsent(d.toEpochDay(), k -> {
      if (cal.sessions(d).length == 0) return new int[0][];
      SplittableRandom r = Rng.of(seed, Rng.hash("bursts"), unitHash, k);
      int n = Rng.poisson(r, BURSTS_PER_DAY * unit.errorPropensity());
      int[][] out = new int[n][];
      for (int i = 0; i < n; i++) {
        double x = r.nextDouble();
        int startSec = x < 0.6 ? (int) Rng.uniform(r, 8.75 * 3600, 10.25 * 3600)
            : x < 0.9 ? (int) Rng.uniform(r, 13.75 * 3600, 15.25 * 3600)
            : (int) Rng.uniform(r, 7.5 * 3600, 16.5 * 3600);
        int len = 600 + r.nextInt(40 * 60);
        out[i] = new int[] {startSec, startSec + len, Rng.pick(r, SYSTEM_CUM)};
      }
      return out;
    });
  }

  // ---- calendar helpers in local time ----

  private LocalDateTime nextOffice(LocalDateTime t) { return addOffice(t, 0); }

  private LocalDateTime addOffice(LocalDateTime t, long seconds) {
    return LocalDateTime.ofInstant(cal.addOfficeSeconds(t.atZone(Zones.LOCAL).toInstant(), Math.max(0, seconds)), Zones.LOCAL);
  }

  private long officeBetween(LocalDateTime a, LocalDateTime b) {
    return cal.officeSecondsBetween(a.atZone(Zones.LOCAL).toInstant(), b.atZone(Zones.LOCAL).toInstant());
  }

  /** A uniformly drawn office-hours moment of a working day (the next working day if d is not one). */
  private LocalDateTime officeTimeOn(LocalDate d, SplittableRandom r) {
    LocalDate day = cal.workingDayOnOrAfter(d);
    OfficeSession[] ss = cal.sessions(day);
    long total = 0;
    for (OfficeSession s : ss) total += s.seconds();
    long x = r.nextLong(total);
    for (OfficeSession s : ss) {
      if (x < s.seconds()) return day.atTime(s.opens()).plusSeconds(x);
      x -= s.seconds();
    }
    throw new IllegalStateException("unreachable");
  }

  private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }
}
