package vn.hcmc.kpi.etl.generate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.hcmc.kpi.etl.clock.WorkingCalendar;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.reference.Procedure;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/** Test-side statistics over generated rows: an independent reading of SPEC section 4. */
final class LogStats {

  /** All rows of one dossier, chronological. */
  record Dossier(String id, String ward, List<LogEvent> events) {
    LogEvent first() { return events.get(0); }
  }

  static Map<String, Dossier> byDossier(List<LogEvent> rows) {
    Map<String, Dossier> m = new LinkedHashMap<>();
    for (LogEvent e : rows) m.computeIfAbsent(e.dossierId(), k -> new Dossier(k, e.wardCode(), new ArrayList<>())).events().add(e);
    return m;
  }

  enum Verdict { EARLY, ON_TIME, LATE, WITHDRAWN, OPEN }

  static LocalDate dueDate(ReferenceData ref, Dossier d) {
    LogEvent rec = d.first();
    Procedure p = ref.procedure(rec.procedureCode());
    WorkingCalendar cal = ref.calendar(d.ward());
    if (rec.dueAt() != LogEvent.NO_TIME) return rec.dueLocal().toLocalDate();
    return DueDates.dueDate(p, rec.occurredLocal(), cal);
  }

  static Verdict verdict(ReferenceData ref, Dossier d) {
    long paused = 0;
    LocalDateTime pauseStart = null;
    int requests = 0;
    for (LogEvent e : d.events()) {
      switch (e.type()) {
        case SUPPLEMENT_REQUESTED -> { requests++; pauseStart = e.occurredLocal(); }
        case SUPPLEMENT_RECEIVED -> {
          if (pauseStart != null) paused += Duration.between(pauseStart, e.occurredLocal()).getSeconds();
          pauseStart = null;
        }
        case WITHDRAWN -> { return Verdict.WITHDRAWN; }
        case COMPLETED, REJECTED -> {
          if (requests > 1) return Verdict.LATE;
          LocalDate end = e.occurredLocal().minusSeconds(paused).toLocalDate();
          LocalDate due = dueDate(ref, d);
          return end.isBefore(due) ? Verdict.EARLY : end.equals(due) ? Verdict.ON_TIME : Verdict.LATE;
        }
        default -> { }
      }
    }
    return Verdict.OPEN;
  }

  static boolean afterHours(WorkingCalendar cal, LocalDateTime t) { return !cal.isOfficeTime(t); }

  /** A human-readable report of the shares the tests check (printed by the volume test). */
  static String report(ReferenceData ref, List<LogEvent> rows, int units, int workingDays) {
    Map<String, Dossier> ds = byDossier(rows);
    Map<Channel, Integer> ch = new EnumMap<>(Channel.class);
    Map<String, Integer> field = new TreeMap<>();
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    Map<String, int[]> lateByField = new TreeMap<>();
    int sameDay = 0, withErrors = 0, multiDay = 0, multiWithSupp = 0, withDue = 0, apologies = 0;
    for (Dossier d : ds.values()) {
      LogEvent rec = d.first();
      Procedure p = ref.procedure(rec.procedureCode());
      ch.merge(rec.channel(), 1, Integer::sum);
      field.merge(p.field(), 1, Integer::sum);
      if (p.timeUnit() == Procedure.TimeUnit.SAME_DAY) sameDay++; else multiDay++;
      if (rec.dueAt() != LogEvent.NO_TIME) withDue++;
      boolean err = false, supp = false;
      for (LogEvent e : d.events()) {
        err |= e.type() == EventType.INTEGRATION_ERROR;
        supp |= e.type() == EventType.SUPPLEMENT_REQUESTED;
        if (e.type() == EventType.APOLOGY_ISSUED) apologies++;
      }
      if (err) withErrors++;
      if (supp && p.timeUnit() != Procedure.TimeUnit.SAME_DAY) multiWithSupp++;
      Verdict v = verdict(ref, d);
      verdicts.merge(v, 1, Integer::sum);
      int[] lf = lateByField.computeIfAbsent(p.field(), k -> new int[2]);
      if (v == Verdict.EARLY || v == Verdict.ON_TIME || v == Verdict.LATE) { lf[1]++; if (v == Verdict.LATE) lf[0]++; }
    }
    int processing = 0, after = 0;
    for (LogEvent e : rows) {
      if (e.type() == EventType.RECEIVED || e.type() == EventType.INTEGRATION_ERROR || e.officerId() == null) continue;
      processing++;
      if (afterHours(ref.calendar(e.wardCode()), e.occurredLocal())) after++;
    }
    int n = ds.size();
    int resolved = verdicts.getOrDefault(Verdict.EARLY, 0) + verdicts.getOrDefault(Verdict.ON_TIME, 0)
        + verdicts.getOrDefault(Verdict.LATE, 0);
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("dossiers %d, rows %d (%.2f/dossier), per unit per working day %.1f%n", n, rows.size(),
        rows.size() / (double) n, n / (double) units / workingDays));
    sb.append("channels ").append(shares(ch, n)).append('\n');
    sb.append("fields ").append(shares(field, n)).append(String.format(" same-day %.3f%n", sameDay / (double) n));
    sb.append("verdicts ").append(verdicts).append(String.format(" late/resolved %.3f%n",
        verdicts.getOrDefault(Verdict.LATE, 0) / (double) resolved));
    StringBuilder lf = new StringBuilder();
    lateByField.forEach((k, v) -> lf.append(String.format("%s=%.3f ", k, v[0] / (double) Math.max(1, v[1]))));
    sb.append("late by field ").append(lf).append('\n');
    sb.append(String.format("integration-error dossiers %.4f, supplements/multi-day %.4f, due on RECEIVED %.3f, apologies %d%n",
        withErrors / (double) n, multiWithSupp / (double) Math.max(1, multiDay), withDue / (double) n, apologies));
    sb.append(String.format("after-hours share of officer processing events %.4f%n", after / (double) processing));
    return sb.toString();
  }

  private static <K> String shares(Map<K, Integer> m, int n) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(k).append('=').append(String.format("%.3f", v / (double) n)).append(' '));
    return sb.toString().trim();
  }

  static boolean inOfficeWindow(LocalTime t) { return !t.isBefore(LocalTime.of(7, 30)) && t.isBefore(LocalTime.of(17, 0)); }
}
