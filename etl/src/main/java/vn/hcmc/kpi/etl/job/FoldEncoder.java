package vn.hcmc.kpi.etl.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import vn.hcmc.kpi.etl.dossier.Anomaly;
import vn.hcmc.kpi.etl.dossier.DossierFacts;
import vn.hcmc.kpi.etl.dossier.FoldResult;
import vn.hcmc.kpi.etl.dossier.OfficerFact;
import vn.hcmc.kpi.etl.dossier.PauseInterval;
import vn.hcmc.kpi.etl.dossier.Task;
import vn.hcmc.kpi.etl.dossier.WeekFact;
import vn.hcmc.kpi.etl.dossier.Weeks;
import vn.hcmc.kpi.etl.model.LogEvent;

/**
 * {@link FoldCodec#encode}'s bytes, written straight from the fold's records: no row of boxed values per
 * table row, no HashMap of the strings already written, one buffer reused for a task's dossiers. Why: with it the
 * year's fold stage cost 75.7 instead of 86.7 executor CPU-s, side by side (session 16). {@code FoldEncoderTest}
 * holds the two to the same bytes, section by section; {@link Rows#values} stays the one definition of a
 * section's columns, and a column added there fails that test until it is written here too.
 * Not thread-safe: one per task.
 */
final class FoldEncoder {
  private final FoldCodec.Out out = new FoldCodec.Out();
  private final StringRefs refs = new StringRefs();

  byte[] encode(FoldResult r) {
    out.size = 0;
    out.varint(r.duplicates());
    DossierFacts d = r.facts();
    // in FoldCodec.Section order: FACTS, EVENTS, TASKS, PAUSES, ANOMALIES, WEEKS, OFFICERS, INHERITED, REJECTS
    int at = open(d == null ? 0 : 1);
    if (d != null) facts(d);
    close(at);
    at = open(r.events().size());
    events(r, d == null ? null : d.procedureCode());
    close(at);
    at = open(r.tasks().size());
    for (Task t : r.tasks()) task(t);
    close(at);
    at = open(r.pauses().size());
    for (PauseInterval p : r.pauses()) pause(p);
    close(at);
    at = open(r.anomalies().size());
    for (Anomaly a : r.anomalies()) {
      string(a.dossierId()); string(a.wardCode()); string(a.code()); string(a.detail());
    }
    close(at);
    at = open(r.weeks().size());
    for (WeekFact w : r.weeks()) week(w);
    close(at);
    at = open(r.officers().size());
    for (OfficerFact o : r.officers()) officer(o);
    close(at);
    String flags = inheritedFlags(r, d);
    at = open(flags == null ? 0 : 1);
    if (flags != null) string(flags);
    close(at);
    close(open(0)); // REJECTS: a dossier's entry has none
    return Arrays.copyOf(out.buf, out.size);
  }

  /** Starts a section: its length (patched by {@link #close}), its row count; string references start afresh. */
  private int open(int rows) {
    int lengthAt = out.reserveInt();
    out.varint(rows);
    refs.clear();
    return lengthAt;
  }

  private void close(int lengthAt) { out.patchInt(lengthAt, out.size - lengthAt - 4); }

  private void facts(DossierFacts d) {
    string(d.dossierId()); string(d.wardCode()); string(d.procedureCode()); string(d.channel());
    instant(d.receivedAt()); date(d.receiptDate()); date(d.dueDate()); instant(d.endedAt()); string(d.outcome());
    longValue(d.pausedSeconds()); intValue(d.supplementCount()); bool(d.waitingSupplement());
    string(d.verdict().name()); string(d.holderOfficerId()); intValue(d.integrationErrors());
    intValue(d.apologies()); date(d.apologyDueDate()); instant(d.adjustedEndAt()); integer(d.resolutionDays());
    string(d.clockRule()); string(d.dueSource()); instant(d.becameOverdueAt()); string(d.lateOfficerId());
    intValue(d.events());
  }

  private void events(FoldResult r, String inherited) {
    List<LogEvent> events = r.events();
    List<Boolean> afterHours = r.eventAfterHours();
    for (int i = 0; i < events.size(); i++) {
      LogEvent e = events.get(i);
      string(e.eventId()); string(e.dossierId()); string(e.wardCode());
      string(e.procedureCode() != null ? e.procedureCode() : inherited); string(e.type().name());
      instant(e.occurredAt()); string(e.officerId()); string(e.step());
      string(e.channel() == null ? null : e.channel().name()); instant(e.dueAt()); string(e.detail());
      string(e.source()); longValue(e.line());
      Boolean after = afterHours.get(i);
      if (after == null) out.put(FoldCodec.NULL); else bool(after);
      date(Weeks.weekStart(e.occurredAt()));
    }
  }

  private void task(Task t) {
    string(t.wardCode()); string(t.dossierId()); string(t.officerId()); string(t.step()); instant(t.startedAt());
    instant(t.endedAt()); doubleValue(t.officeHours()); instant(t.stepDueAt()); string(t.stepVerdict());
  }

  private void pause(PauseInterval p) {
    string(p.wardCode()); string(p.dossierId()); instant(p.requestedAt()); instant(p.receivedAt());
    instant(p.closedAt()); longValue(p.countedSeconds());
  }

  private void week(WeekFact w) {
    string(w.wardCode()); string(w.procedureCode()); date(w.weekStart());
    intValue(w.received()); intValue(w.receivedOnline()); intValue(w.receivedCounter()); intValue(w.receivedPost());
    intValue(w.receivedWithIntegrationError()); intValue(w.resolved()); intValue(w.early()); intValue(w.onTime());
    intValue(w.late()); intValue(w.withdrawn()); intValue(w.rejected()); intValue(w.noDeadline());
    intValue(w.openEnd()); intValue(w.openOverdueEnd()); integer(w.resolutionDays());
    intValue(w.resolvedWithSupplement()); intValue(w.integrationErrors()); intValue(w.apologies());
    intValue(w.officerEvents()); intValue(w.afterHoursEvents());
  }

  private void officer(OfficerFact o) {
    string(o.wardCode()); string(o.officerId()); date(o.weekStart()); intValue(o.tasksStarted());
    intValue(o.tasksCompleted());
    if (o.completedTaskHours() == null) out.put(FoldCodec.NULL); else doubleValue(o.completedTaskHours());
    intValue(o.openTasksEnd()); intValue(o.overdueHeldEnd()); intValue(o.lateAttributed());
    intValue(o.supplementsRequested()); intValue(o.events()); intValue(o.afterHoursEvents());
  }

  /** The INHERITED row's flags (Rows#values), or null when no event took the dossier's procedure code. */
  private static String inheritedFlags(FoldResult r, DossierFacts d) {
    if (d == null || d.procedureCode() == null) return null;
    List<LogEvent> events = r.events();
    char[] flags = null;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).procedureCode() != null) continue;
      if (flags == null) {
        flags = new char[events.size()];
        Arrays.fill(flags, '0');
      }
      flags[i] = '1';
    }
    return flags == null ? null : new String(flags);
  }

  private void string(String s) {
    if (s == null) { out.put(FoldCodec.NULL); return; }
    int ref = refs.refOrAdd(s);
    if (ref >= 0) { out.put(FoldCodec.STRING_REF); out.varint(ref); return; }
    int n = s.length();
    int start = out.size;
    out.put(FoldCodec.STRING);
    out.varint(n);
    out.ensure(n);
    byte[] buf = out.buf;
    int at = out.size;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) { // not ASCII: the UTF-8 length differs from the char count; written as the generic encoder does
        out.size = start;
        out.utf8(s);
        return;
      }
      buf[at + i] = (byte) c;
    }
    out.size = at + n;
  }

  private void intValue(int v) { out.put(FoldCodec.INT); out.zigzag(v); }

  private void integer(Integer v) { if (v == null) out.put(FoldCodec.NULL); else intValue(v); }

  private void longValue(long v) { out.put(FoldCodec.LONG); out.zigzag(v); }

  private void doubleValue(double v) {
    out.put(FoldCodec.DOUBLE);
    long bits = Double.doubleToRawLongBits(v);
    out.ensure(8);
    for (int k = 56; k >= 0; k -= 8) out.buf[out.size++] = (byte) (bits >>> k);
  }

  private void bool(boolean v) { out.put(v ? FoldCodec.TRUE : FoldCodec.FALSE); }

  private void instant(Instant t) {
    if (t == null) { out.put(FoldCodec.NULL); return; }
    out.put(FoldCodec.INSTANT); out.zigzag(t.getEpochSecond()); out.varint(t.getNano());
  }

  private void date(LocalDate d) {
    if (d == null) out.put(FoldCodec.NULL);
    else { out.put(FoldCodec.DATE); out.zigzag(d.toEpochDay()); }
  }

  /**
   * The strings already written in the current section, each with its reference (its place in the order of
   * first writing, as {@link FoldCodec.In} reads them back): open addressing on the strings' own hash codes,
   * cleared per section by the slots it used.
   */
  static final class StringRefs {
    private String[] keys = new String[64];
    private int[] values = new int[64];
    private int[] used = new int[32];
    private int count;

    /** The reference of an equal string written before in this section, else -1 (and {@code s} is added). */
    int refOrAdd(String s) {
      int mask = keys.length - 1;
      int h = s.hashCode();
      int i = (h ^ (h >>> 16)) & mask;
      for (String k; (k = keys[i]) != null; i = (i + 1) & mask) {
        if (k == s || k.equals(s)) return values[i];
      }
      keys[i] = s;
      values[i] = count;
      if (count == used.length) used = Arrays.copyOf(used, count * 2);
      used[count++] = i;
      if (count * 2 > keys.length) grow();
      return -1;
    }

    void clear() {
      for (int j = 0; j < count; j++) keys[used[j]] = null;
      count = 0;
    }

    private void grow() {
      String[] oldKeys = keys;
      int[] oldValues = values;
      int[] oldUsed = used;
      keys = new String[oldKeys.length * 2];
      values = new int[keys.length];
      used = new int[Math.max(oldUsed.length, keys.length / 2)];
      int mask = keys.length - 1;
      for (int j = 0; j < count; j++) {
        int slot = oldUsed[j];
        String k = oldKeys[slot];
        int h = k.hashCode();
        int i = (h ^ (h >>> 16)) & mask;
        while (keys[i] != null) i = (i + 1) & mask;
        keys[i] = k;
        values[i] = oldValues[slot];
        used[j] = i;
      }
    }
  }
}
