package vn.hcmc.kpi.etl.dossier;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.clock.WorkingCalendar;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;
import vn.hcmc.kpi.etl.reference.Procedure;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/**
 * Folds all events of one dossier into its facts, tasks, anomalies and weekly contributions.
 * The Spark job sorts each dossier's events next to each other and calls this once per dossier,
 * so the whole clock runs in one pass after one shuffle.
 */
public final class DossierFold implements Serializable {

  /** Same-instant events are taken in lifecycle order. */
  private static final int[] RANK = new int[EventType.values().length];
  static {
    EventType[] order = {EventType.RECEIVED, EventType.ASSIGNED, EventType.SUPPLEMENT_REQUESTED,
        EventType.SUPPLEMENT_RECEIVED, EventType.APOLOGY_ISSUED, EventType.INTEGRATION_ERROR,
        EventType.COMPLETED, EventType.REJECTED, EventType.WITHDRAWN, EventType.RETURNED};
    for (int i = 0; i < order.length; i++) RANK[order[i].ordinal()] = i;
  }

  /** The order in which a dossier's events are read: time, lifecycle, id, then file and line. */
  public static final Comparator<LogEvent> ORDER = Comparator
      .comparing(LogEvent::occurredAt)
      .thenComparingInt(e -> RANK[e.type().ordinal()])
      .thenComparing(LogEvent::eventId)
      .thenComparing(LogEvent::source)
      .thenComparingLong(LogEvent::line);

  private static final String DEFAULT_RECEPTION_STEP = "RECEPTION";
  private static final String DEFAULT_ASSIGNED_STEP = "PROCESSING";

  private final ReferenceData reference;
  private final ClockSettings settings;

  public DossierFold(ReferenceData reference, ClockSettings settings) {
    this.reference = reference;
    this.settings = settings;
  }

  public FoldResult fold(List<LogEvent> input, Instant asOf) {
    List<LogEvent> sorted = new ArrayList<>(input);
    sorted.sort(ORDER);
    String dossierId = sorted.get(0).dossierId();
    List<Anomaly> anomalies = new ArrayList<>();

    // exact duplicates: the same event id is kept once (the first in reading order)
    Map<String, LogEvent> byId = new LinkedHashMap<>();
    int duplicates = 0;
    for (LogEvent e : sorted) {
      LogEvent first = byId.putIfAbsent(e.eventId(), e);
      if (first != null) {
        duplicates++;
        if (!sameContent(first, e)) {
          anomalies.add(new Anomaly(dossierId, first.wardCode(), "DUPLICATE_ID_CONFLICT",
              "event_id " + e.eventId() + " at " + e.source() + ":" + e.line() + " differs from "
                  + first.source() + ":" + first.line() + "; the first is kept"));
        }
      }
    }
    List<LogEvent> events = new ArrayList<>(byId.values());
    checkFileOrder(events, dossierId, anomalies);

    List<LogEvent> considered = new ArrayList<>(events.size());
    for (LogEvent e : events) if (!e.occurredAt().isAfter(asOf)) considered.add(e);
    List<Boolean> afterHours = new ArrayList<>(events.size());
    WorkingCalendar eventCal = reference.calendar(events.get(0).wardCode());
    for (LogEvent e : events) afterHours.add(!eventCal.isOfficeTime(e.occurredAt()));
    if (considered.isEmpty()) {
      return new FoldResult(null, events, afterHours, List.of(), List.of(), anomalies, List.of(), List.of(), duplicates);
    }

    // receipt: the first RECEIVED; without one, the first event stands in (flagged)
    int receiptIdx = -1;
    for (int i = 0; i < considered.size(); i++) {
      if (considered.get(i).type() == EventType.RECEIVED) { receiptIdx = i; break; }
    }
    String wardFallback = considered.get(0).wardCode();
    if (receiptIdx < 0) {
      anomalies.add(new Anomaly(dossierId, wardFallback, "NO_RECEIVED",
          "no RECEIVED event; the first event (" + considered.get(0).type() + ") is taken as the receipt"));
      receiptIdx = 0;
    }
    LogEvent receipt = considered.get(receiptIdx);
    String ward = receipt.wardCode();
    if (receiptIdx > 0 && considered.get(0).occurredAt().isBefore(receipt.occurredAt())) {
      anomalies.add(new Anomaly(dossierId, ward, "EVENT_BEFORE_RECEIVED",
          receiptIdx + " event(s) before RECEIVED, first " + considered.get(0).type() + " at "
              + considered.get(0).occurredAt()));
    }
    if (!reference.units().isEmpty() && !reference.units().containsKey(ward)) {
      anomalies.add(new Anomaly(dossierId, ward, "UNKNOWN_UNIT", "ward_code " + ward + " is not in units.csv"));
    }
    String procedureCode = receipt.procedureCode();
    for (int i = receiptIdx + 1; procedureCode == null && i < considered.size(); i++) {
      procedureCode = considered.get(i).procedureCode();
    }
    for (LogEvent e : considered) {
      if (!Objects.equals(e.wardCode(), ward)) {
        anomalies.add(new Anomaly(dossierId, ward, "WARD_CHANGED",
            e.type() + " at " + e.source() + ":" + e.line() + " names unit " + e.wardCode()));
        break;
      }
    }
    for (int i = receiptIdx + 1; i < considered.size(); i++) {
      if (considered.get(i).type() == EventType.RECEIVED) {
        anomalies.add(new Anomaly(dossierId, ward, "DUPLICATE_RECEIVED", "a second RECEIVED at "
            + considered.get(i).occurredAt() + " is ignored"));
        break;
      }
    }
    if (receipt.type() == EventType.RECEIVED && receipt.channel() == null) {
      anomalies.add(new Anomaly(dossierId, ward, "MISSING_CHANNEL", "RECEIVED has no channel"));
    }
    WorkingCalendar cal = reference.calendar(ward);
    Procedure procedure = reference.procedure(procedureCode);
    Instant loggedDue = receipt.type() == EventType.RECEIVED ? receipt.dueAt() : null;
    if (procedureCode == null) {
      anomalies.add(new Anomaly(dossierId, ward, "NO_PROCEDURE", "no event names a procedure_code"));
    } else if (procedure == null) {
      anomalies.add(new Anomaly(dossierId, ward, "UNKNOWN_PROCEDURE",
          "procedure_code " + procedureCode + " is not in procedures.csv"
              + (loggedDue == null ? "; no due date can be found" : "; the logged due date is used")));
    }
    if (loggedDue != null && DossierClock.localDate(loggedDue).isBefore(DossierClock.localDate(receipt.occurredAt()))) {
      anomalies.add(new Anomaly(dossierId, ward, "NEGATIVE_DURATION",
          "logged due date " + DossierClock.localDate(loggedDue) + " is before the receipt"));
    }

    // end of processing and supplement pauses
    LogEvent end = null;
    List<DossierClock.Pause> pauses = new ArrayList<>();
    List<Instant> requests = new ArrayList<>();
    Instant openRequest = null;
    int apologies = 0;
    int integrationErrors = 0;
    LocalDate apologyDue = null;
    for (int i = 0; i < considered.size(); i++) {
      LogEvent e = considered.get(i);
      if (e.type() == EventType.INTEGRATION_ERROR) integrationErrors++;
      if (e.type() == EventType.APOLOGY_ISSUED) {
        apologies++;
        if (e.dueAt() != null) apologyDue = DossierClock.localDate(e.dueAt());
      }
      if (i <= receiptIdx) continue;
      if (end != null) {
        if (e.type().endsProcessing()) {
          anomalies.add(new Anomaly(dossierId, ward, "TWO_RESOLUTIONS",
              e.type() + " at " + e.occurredAt() + " after " + end.type() + " at " + end.occurredAt()));
        } else if (e.type() != EventType.RETURNED && e.type() != EventType.INTEGRATION_ERROR) {
          anomalies.add(new Anomaly(dossierId, ward, "EVENT_AFTER_END",
              e.type() + " at " + e.occurredAt() + " after " + end.type()));
        }
        continue;
      }
      switch (e.type()) {
        case SUPPLEMENT_REQUESTED -> {
          requests.add(e.occurredAt());
          if (openRequest == null) openRequest = e.occurredAt();
        }
        case SUPPLEMENT_RECEIVED -> {
          if (openRequest == null) {
            anomalies.add(new Anomaly(dossierId, ward, "SUPPLEMENT_WITHOUT_REQUEST",
                "SUPPLEMENT_RECEIVED at " + e.occurredAt() + " with no open request"));
          } else {
            pauses.add(new DossierClock.Pause(openRequest, e.occurredAt()));
            openRequest = null;
          }
        }
        case COMPLETED, REJECTED, WITHDRAWN -> end = e;
        case RETURNED -> anomalies.add(new Anomaly(dossierId, ward, "NEGATIVE_DURATION",
            "RETURNED at " + e.occurredAt() + " before the end of processing"));
        default -> { }
      }
    }
    Instant endAt = end == null ? null : end.occurredAt();
    boolean waiting = false;
    boolean neverClosed = false;
    if (openRequest != null) {
      if (end != null) {
        neverClosed = true;
        anomalies.add(new Anomaly(dossierId, ward, "SUPPLEMENT_NEVER_CLOSED",
            "supplement requested at " + openRequest + " never arrived; the pause is closed at the end"));
        pauses.add(new DossierClock.Pause(openRequest, endAt));
      } else {
        waiting = true;
        pauses.add(new DossierClock.Pause(openRequest, null));
      }
    }

    DossierClock clock = new DossierClock(cal, procedure, settings, receipt.occurredAt(), loggedDue, pauses, requests);
    Instant limit = endAt != null ? endAt : asOf;
    long pausedSeconds = clock.closedPauseSecondsBefore(limit);
    Verdict verdict;
    Instant adjustedEnd = null;
    Integer resolutionDays = null;
    if (end != null && end.type() == EventType.WITHDRAWN) {
      verdict = Verdict.WITHDRAWN;
    } else if (end != null) {
      verdict = clock.resolvedVerdict(endAt, pausedSeconds);
      adjustedEnd = clock.adjustedEnd(endAt, pausedSeconds);
      resolutionDays = cal.workingDaysBetween(clock.receiptDay(), DossierClock.localDate(adjustedEnd));
    } else if (!clock.hasDueDate()) {
      verdict = Verdict.NO_DEADLINE;
    } else {
      verdict = clock.overdueAt(asOf) ? Verdict.OPEN_OVERDUE : Verdict.OPEN_IN_TIME;
    }
    Instant overdueSince = verdict == Verdict.WITHDRAWN ? null : clock.becameOverdueAt(limit);
    if (verdict == Verdict.LATE && overdueSince == null) overdueSince = endAt;

    // holders and tasks
    List<Task> tasks = new ArrayList<>();
    List<Holding> holdings = holdings(considered, receiptIdx, endAt, asOf, cal, ward, dossierId, tasks);
    String holderNow = end == null ? holderAt(holdings, asOf) : null;
    // the holder at the instant it became overdue; a holder whose task ends at that very instant
    // (the second supplement request) is the one who let it go
    String lateOfficer = overdueSince == null ? null : holderAt(holdings, overdueSince);
    if (overdueSince != null && lateOfficer == null) lateOfficer = holderAt(holdings, overdueSince.minusNanos(1000));

    DossierFacts facts = new DossierFacts(dossierId, ward, procedureCode,
        receipt.channel() == null ? null : receipt.channel().name(), receipt.occurredAt(), clock.receiptDay(),
        clock.hasDueDate() ? clock.dueAt(limit) : null, endAt, end == null ? null : end.type().name(),
        pausedSeconds, requests.size(), waiting, verdict, holderNow, integrationErrors, apologies, apologyDue,
        adjustedEnd, resolutionDays, clock.rule().name(),
        clock.logged() ? "LOGGED" : clock.hasDueDate() ? "STATUTORY" : null, overdueSince, lateOfficer,
        events.size());

    List<WeekFact> weeks = weekFacts(facts, clock, considered, asOf, cal);
    List<OfficerFact> officers = officerFacts(facts, clock, considered, holdings, tasks, asOf, overdueSince,
        lateOfficer, cal);
    List<PauseInterval> pauseRows = new ArrayList<>(pauses.size());
    for (int i = 0; i < pauses.size(); i++) {
      DossierClock.Pause p = pauses.get(i);
      // only the last pause can have been closed by the end instead of a supplement
      boolean closedByEnd = neverClosed && i == pauses.size() - 1;
      long counted = p.arrivedAt() == null ? 0 : java.time.Duration.between(p.requestedAt(), p.arrivedAt()).getSeconds();
      pauseRows.add(new PauseInterval(ward, dossierId, p.requestedAt(), closedByEnd ? null : p.arrivedAt(),
          p.arrivedAt(), counted));
    }
    return new FoldResult(facts, events, afterHours, tasks, pauseRows, anomalies, weeks, officers, duplicates);
  }

  /** One holding interval while it is being built. */
  private record Holding(String officer, String step, Instant stepDue, Instant start, Instant end) {}

  private static List<Holding> holdings(List<LogEvent> events, int receiptIdx, Instant endAt, Instant asOf,
                                        WorkingCalendar cal, String ward, String dossierId, List<Task> tasks) {
    List<Holding> done = new ArrayList<>();
    LogEvent receipt = events.get(receiptIdx);
    String officer = null;
    String step = null;
    Instant stepDue = null;
    Instant start = null;
    String savedOfficer = null;
    String savedStep = null;
    Instant savedDue = null;
    if (receipt.officerId() != null) {
      officer = receipt.officerId();
      step = receipt.step() == null ? DEFAULT_RECEPTION_STEP : receipt.step();
      start = receipt.occurredAt();
    }
    for (int i = receiptIdx + 1; i < events.size(); i++) {
      LogEvent e = events.get(i);
      if (endAt != null && e.occurredAt().isAfter(endAt)) break;
      switch (e.type()) {
        case ASSIGNED -> {
          if (officer != null) done.add(new Holding(officer, step, stepDue, start, e.occurredAt()));
          officer = e.officerId();
          step = e.step() == null ? DEFAULT_ASSIGNED_STEP : e.step();
          stepDue = e.dueAt();
          start = e.occurredAt();
        }
        case SUPPLEMENT_REQUESTED -> {
          if (officer != null) {
            done.add(new Holding(officer, step, stepDue, start, e.occurredAt()));
            savedOfficer = officer; savedStep = step; savedDue = stepDue;
          }
          officer = null;
        }
        case SUPPLEMENT_RECEIVED -> {
          if (officer == null) {
            // back to whoever held it before the request, unless the event names another officer
            officer = e.officerId() != null ? e.officerId() : savedOfficer;
            step = e.step() != null ? e.step() : savedStep;
            stepDue = Objects.equals(officer, savedOfficer) ? savedDue : null;
            start = e.occurredAt();
          }
        }
        case COMPLETED, REJECTED, WITHDRAWN -> {
          if (officer != null) done.add(new Holding(officer, step, stepDue, start, e.occurredAt()));
          officer = null;
        }
        default -> { }
      }
      if (e.type().endsProcessing()) break;
    }
    if (officer != null) done.add(new Holding(officer, step, stepDue, start, null));
    for (Holding h : done) {
      Instant until = h.end() != null ? h.end() : asOf;
      double hours = cal.officeSecondsBetween(h.start(), until) / 3600.0;
      String stepVerdict = null;
      if (h.stepDue() != null) {
        if (h.end() != null) stepVerdict = h.end().isAfter(h.stepDue()) ? "LATE" : "ON_TIME";
        else stepVerdict = asOf.isAfter(h.stepDue()) ? "OPEN_OVERDUE" : "OPEN";
      }
      tasks.add(new Task(ward, dossierId, h.officer(), h.step(), h.start(), h.end(), hours, h.stepDue(), stepVerdict));
    }
    return done;
  }

  private static String holderAt(List<Holding> holdings, Instant t) {
    for (Holding h : holdings) {
      if (!h.start().isAfter(t) && (h.end() == null || h.end().isAfter(t))) return h.officer();
    }
    return null;
  }

  private static final class WeekAcc {
    int received, online, counter, post, receivedWithError, resolved, early, onTime, late, withdrawn, rejected,
        noDeadline, openEnd, openOverdueEnd, resolvedWithSupplement, integrationErrors, apologies, officerEvents,
        afterHoursEvents;
    Integer resolutionDays;
  }

  private static List<WeekFact> weekFacts(DossierFacts f, DossierClock clock, List<LogEvent> considered,
                                          Instant asOf, WorkingCalendar cal) {
    TreeMap<LocalDate, WeekAcc> weeks = new TreeMap<>();
    WeekAcc r = weeks.computeIfAbsent(Weeks.weekStart(f.receivedAt()), k -> new WeekAcc());
    r.received = 1;
    if ("ONLINE".equals(f.channel())) r.online = 1;
    if ("COUNTER".equals(f.channel())) r.counter = 1;
    if ("POST".equals(f.channel())) r.post = 1;
    if (f.integrationErrors() > 0) r.receivedWithError = 1;
    if (f.endedAt() != null) {
      WeekAcc w = weeks.computeIfAbsent(Weeks.weekStart(f.endedAt()), k -> new WeekAcc());
      switch (f.verdict()) {
        case EARLY -> { w.resolved = 1; w.early = 1; }
        case ON_TIME -> { w.resolved = 1; w.onTime = 1; }
        case LATE -> { w.resolved = 1; w.late = 1; }
        case WITHDRAWN -> w.withdrawn = 1;
        default -> w.noDeadline = 1;
      }
      if ("REJECTED".equals(f.outcome())) w.rejected = 1;
      if (w.resolved == 1) {
        w.resolutionDays = f.resolutionDays();
        if (f.supplementCount() > 0) w.resolvedWithSupplement = 1;
      }
    }
    if (clock.hasDueDate()) {
      LocalDate last = Weeks.weekStart(f.endedAt() != null ? f.endedAt() : asOf);
      for (LocalDate w = Weeks.weekStart(f.receivedAt()); !w.isAfter(last); w = w.plusDays(7)) {
        Instant t = snapshotTime(w, asOf);
        if (f.receivedAt().isAfter(t) || (f.endedAt() != null && !f.endedAt().isAfter(t))) continue;
        WeekAcc acc = weeks.computeIfAbsent(w, k -> new WeekAcc());
        acc.openEnd = 1;
        if (clock.overdueAt(t)) acc.openOverdueEnd = 1;
      }
    }
    for (LogEvent e : considered) {
      WeekAcc w = weeks.computeIfAbsent(Weeks.weekStart(e.occurredAt()), k -> new WeekAcc());
      if (e.type() == EventType.INTEGRATION_ERROR) w.integrationErrors++;
      if (e.type() == EventType.APOLOGY_ISSUED) w.apologies++;
      if (e.officerId() != null) {
        w.officerEvents++;
        if (!cal.isOfficeTime(e.occurredAt())) w.afterHoursEvents++;
      }
    }
    List<WeekFact> out = new ArrayList<>(weeks.size());
    weeks.forEach((w, a) -> out.add(new WeekFact(f.wardCode(), f.procedureCode(), w, a.received, a.online, a.counter,
        a.post, a.receivedWithError, a.resolved, a.early, a.onTime, a.late, a.withdrawn, a.rejected, a.noDeadline,
        a.openEnd, a.openOverdueEnd, a.resolutionDays, a.resolvedWithSupplement, a.integrationErrors, a.apologies,
        a.officerEvents, a.afterHoursEvents)));
    return out;
  }

  /** The instant a week is judged at: its last instant, or the as-of time for the week under way. */
  public static Instant snapshotTime(LocalDate weekStart, Instant asOf) {
    Instant end = Weeks.weekEnd(weekStart);
    return end.isAfter(asOf) ? asOf : end;
  }

  private static final class OfficerAcc {
    int started, openEnd, overdueEnd, late, supplements, events, afterHours;
  }

  private record OfficerWeek(String officer, LocalDate week) {}

  /** By officer, then week: written out, as Comparator.comparing(...).thenComparing(...) costs two lambdas a step. */
  private static final Comparator<OfficerWeek> OFFICER_WEEK_ORDER = (x, y) -> {
    int c = x.officer().compareTo(y.officer());
    return c != 0 ? c : x.week().compareTo(y.week());
  };

  private List<OfficerFact> officerFacts(DossierFacts f, DossierClock clock, List<LogEvent> considered,
                                         List<Holding> holdings, List<Task> tasks, Instant asOf,
                                         Instant overdueSince, String lateOfficer, WorkingCalendar cal) {
    Map<OfficerWeek, OfficerAcc> acc = new TreeMap<>(OFFICER_WEEK_ORDER);
    List<OfficerFact> out = new ArrayList<>();
    for (Task t : tasks) {
      acc.computeIfAbsent(new OfficerWeek(t.officerId(), Weeks.weekStart(t.startedAt())), k -> new OfficerAcc()).started++;
      if (t.endedAt() != null) {
        out.add(new OfficerFact(f.wardCode(), t.officerId(), Weeks.weekStart(t.endedAt()), 0, 1, t.officeHours(),
            0, 0, 0, 0, 0, 0));
      }
    }
    if (clock.hasDueDate() && f.verdict() != Verdict.WITHDRAWN) {
      LocalDate last = Weeks.weekStart(f.endedAt() != null ? f.endedAt() : asOf);
      for (LocalDate w = Weeks.weekStart(f.receivedAt()); !w.isAfter(last); w = w.plusDays(7)) {
        Instant t = snapshotTime(w, asOf);
        if (f.receivedAt().isAfter(t) || (f.endedAt() != null && !f.endedAt().isAfter(t))) continue;
        String holder = holderAt(holdings, t);
        if (holder == null) continue;
        OfficerAcc a = acc.computeIfAbsent(new OfficerWeek(holder, w), k -> new OfficerAcc());
        a.openEnd++;
        if (clock.overdueAt(t)) a.overdueEnd++;
      }
    }
    if (lateOfficer != null) {
      acc.computeIfAbsent(new OfficerWeek(lateOfficer, Weeks.weekStart(overdueSince)), k -> new OfficerAcc()).late++;
    }
    for (LogEvent e : considered) {
      String officer = e.officerId();
      if (e.type() == EventType.SUPPLEMENT_REQUESTED) {
        String who = officer != null ? officer : holderAt(holdings, e.occurredAt().minusNanos(1000));
        if (who != null) acc.computeIfAbsent(new OfficerWeek(who, Weeks.weekStart(e.occurredAt())),
            k -> new OfficerAcc()).supplements++;
      }
      if (officer == null) continue;
      OfficerAcc a = acc.computeIfAbsent(new OfficerWeek(officer, Weeks.weekStart(e.occurredAt())), k -> new OfficerAcc());
      a.events++;
      if (!cal.isOfficeTime(e.occurredAt())) a.afterHours++;
    }
    acc.forEach((k, a) -> out.add(new OfficerFact(f.wardCode(), k.officer(), k.week(), a.started, 0, null,
        a.openEnd, a.overdueEnd, a.late, a.supplements, a.events, a.afterHours)));
    return out;
  }

  private static void checkFileOrder(List<LogEvent> events, String dossierId, List<Anomaly> anomalies) {
    Map<String, LogEvent> lastBySource = new HashMap<>();
    List<LogEvent> byLine = new ArrayList<>(events);
    byLine.sort(Comparator.comparing(LogEvent::source).thenComparingLong(LogEvent::line));
    for (LogEvent e : byLine) {
      LogEvent prev = lastBySource.put(e.source(), e);
      if (prev != null && e.occurredAt().isBefore(prev.occurredAt())) {
        anomalies.add(new Anomaly(dossierId, e.wardCode(), "OUT_OF_ORDER_IN_FILE",
            e.source() + ":" + e.line() + " (" + e.type() + ") is earlier than line " + prev.line()));
        return;
      }
    }
  }

  private static boolean sameContent(LogEvent a, LogEvent b) {
    return Objects.equals(a.dossierId(), b.dossierId()) && Objects.equals(a.wardCode(), b.wardCode())
        && Objects.equals(a.procedureCode(), b.procedureCode()) && a.type() == b.type()
        && Objects.equals(a.occurredAt(), b.occurredAt()) && Objects.equals(a.officerId(), b.officerId())
        && Objects.equals(a.step(), b.step()) && a.channel() == b.channel()
        && Objects.equals(a.dueAt(), b.dueAt()) && Objects.equals(a.detail(), b.detail());
  }
}
