package vn.hcmc.kpi.etl.ingest.xes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.hcmc.kpi.etl.ingest.Counted;
import vn.hcmc.kpi.etl.ingest.EventRowParser;
import vn.hcmc.kpi.etl.ingest.Reject;
import vn.hcmc.kpi.etl.ingest.RejectReason;
import vn.hcmc.kpi.etl.ingest.xes.XesStreamReader.XesEvent;
import vn.hcmc.kpi.etl.ingest.xes.XesStreamReader.XesTrace;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogColumns;
import vn.hcmc.kpi.etl.profile.AttributeRef;
import vn.hcmc.kpi.etl.profile.MappingProfile;
import vn.hcmc.kpi.etl.profile.ProfileTimes;

/**
 * Turns one XES trace into native events by a {@link MappingProfile} (rules in
 * docs/mapping-profiles.md). Every native row goes through the same {@link EventRowParser} as the
 * native CSV, so the same checks (future times, times before 1990, ...) hold.
 *
 * <p>Positions: XML has no row numbers, so the {@code line} of an event or reject is the XML line of
 * the {@code <event>} tag (of {@code <trace>} for a RECEIVED taken from a trace attribute, of
 * {@code </trace>} for an end taken from one); the reject message and the event's {@code detail} also
 * say "trace N event M". Counting: every XES event is one row read (see {@link Counted}).
 */
public final class XesMapper {

  private static final String CASE_PREFIX = "(case)_";
  private static final String TIMESTAMP = "time:timestamp";
  private static final String LIFECYCLE = "lifecycle:transition";

  private final MappingProfile p;
  private final EventRowParser parser;
  private final String source;
  private final String fileBase;

  public XesMapper(MappingProfile profile, EventRowParser parser, String source, String fileBase) {
    this.p = profile;
    this.parser = parser;
    this.source = source;
    this.fileBase = fileBase;
  }

  /** One native row being built. */
  private static final class Row {
    final Map<String, String> cols = new HashMap<>();
    final long line;
    final XesEvent from; // null for rows taken from trace attributes
    int weight;
    Row(long line, XesEvent from, int weight) {
      this.line = line;
      this.from = from;
      this.weight = weight;
    }
  }

  private record Timed(XesEvent event, Instant at) {}

  public void map(XesTrace t, Consumer<Object> out) {
    if (t.events().isEmpty()) return; // a trace without events holds no row to count; see the docs
    Map<String, String> traceAttrs = new LinkedHashMap<>(t.attributes());
    for (XesEvent e : t.events()) {
      for (Map.Entry<String, String> a : e.attributes().entrySet()) {
        if (a.getKey().startsWith(CASE_PREFIX)) traceAttrs.putIfAbsent(a.getKey().substring(CASE_PREFIX.length()), a.getValue());
      }
    }
    XesEvent first = t.events().get(0);
    String unit = unitOf(traceAttrs, first);
    String dossierValue = value(p.dossier(), traceAttrs, first);
    String where = "trace " + t.number() + (dossierValue == null ? "" : " (" + dossierValue + ")");
    if (dossierValue == null) {
      for (XesEvent e : t.events()) {
        reject(out, e, e.line(), 1, RejectReason.MISSING_FIELD, "the trace has no " + p.dossier() + " (dossier id)", where);
      }
      return;
    }
    String dossier = expand(p.dossierPrefix(), unit) + dossierValue;

    // events with a usable timestamp; exact duplicates (same attributes) remembered apart
    List<Timed> valid = new ArrayList<>();
    Map<String, Timed> byContent = new HashMap<>();
    Map<XesEvent, Timed> duplicateOf = new LinkedHashMap<>();
    for (XesEvent e : t.events()) {
      String ts = e.attributes().get(TIMESTAMP);
      if (ts == null || ts.isBlank()) {
        reject(out, e, e.line(), 1, RejectReason.MISSING_FIELD, "event has no " + TIMESTAMP, where);
        continue;
      }
      Instant at;
      try {
        at = ProfileTimes.instant(ts, p);
      } catch (java.time.DateTimeException e2) {
        reject(out, e, e.line(), 1, RejectReason.BAD_TIME, TIMESTAMP + " is not a date-time: '" + ts + "'", where);
        continue;
      }
      Timed timed = new Timed(e, at);
      Timed original = byContent.putIfAbsent(new TreeMap<>(e.attributes()).toString(), timed);
      if (original != null) duplicateOf.put(e, original);
      else valid.add(timed);
    }
    if (valid.isEmpty()) return;
    valid.sort(Comparator.comparing(Timed::at)); // stable: same-instant events keep file order

    List<Row> rows = new ArrayList<>();
    Map<XesEvent, Row> rowOf = new HashMap<>();
    int startIdx = 0;
    Instant receiptAt = valid.get(0).at();
    // receipt
    boolean receiptDone = false;
    if (p.receipt() == MappingProfile.Receipt.TRACE_ATTRIBUTE) {
      String text = value(p.receiptAttribute(), traceAttrs, null);
      Instant at = text == null ? null : tryInstant(text);
      if (at != null) {
        Row r = new Row(t.line(), null, 0);
        receivedColumns(r, traceAttrs, first, unit, dossier, at, null, null, "trace " + t.number() + " " + p.receiptAttribute());
        rows.add(r);
        receiptDone = true;
        receiptAt = at;
      }
    }
    if (!receiptDone) {
      Timed f = valid.get(0);
      Row r = new Row(f.event().line(), f.event(), 1);
      receivedColumns(r, traceAttrs, f.event(), unitOf(traceAttrs, f.event()), dossier, f.at(),
          value(p.officer(), traceAttrs, f.event()), value(p.step(), traceAttrs, f.event()), detail(t, f.event()));
      rows.add(r);
      rowOf.put(f.event(), r);
      startIdx = 1;
    }
    // end by the last event?
    int endIdx = -1;
    EventType lastOutcome = null;
    if (p.end() == MappingProfile.End.LAST_EVENT && endConditionHolds(traceAttrs, valid.get(valid.size() - 1).event())) {
      Timed last = valid.get(valid.size() - 1);
      lastOutcome = outcomeOf(traceAttrs, last.event());
      if (lastOutcome != null) endIdx = valid.size() - 1;
    }
    boolean oneEventEnd = endIdx == 0 && startIdx == 1;
    if (oneEventEnd) endIdx = -1;
    // the events in between
    String openActivity = null;
    for (int i = startIdx; i < valid.size(); i++) {
      if (i == endIdx) break;
      Timed te = valid.get(i);
      XesEvent e = te.event();
      String officer = value(p.officer(), traceAttrs, e);
      String step = value(p.step(), traceAttrs, e);
      boolean assign;
      boolean release = false;
      if (p.tasks() == MappingProfile.Tasks.LIFECYCLE) {
        String tr = e.attributes().getOrDefault(LIFECYCLE, "complete").strip().toLowerCase(Locale.ROOT);
        assign = tr.equals("start") && officer != null;
        if (assign) openActivity = String.valueOf(step);
        else if (tr.equals("complete") && openActivity != null && openActivity.equals(String.valueOf(step))) {
          release = true;
          openActivity = null;
        }
      } else {
        assign = officer != null;
      }
      if (assign || release) {
        Row r = new Row(e.line(), e, 1);
        eventColumns(r, EventType.ASSIGNED, unitOf(traceAttrs, e), dossier, te.at(), release ? null : officer,
            release ? null : step, detail(t, e));
        if (assign) putDeadline(r, p.stepDeadline(), traceAttrs, e);
        rows.add(r);
        rowOf.put(e, r);
      } else {
        rows.get(rows.size() - 1).weight++; // an event with nothing to say in the native model
      }
    }
    // the end
    if (endIdx >= 0) {
      Timed last = valid.get(endIdx);
      Row r = new Row(last.event().line(), last.event(), 1);
      eventColumns(r, lastOutcome, unitOf(traceAttrs, last.event()), dossier, last.at(),
          value(p.officer(), traceAttrs, last.event()), value(p.step(), traceAttrs, last.event()),
          detail(t, last.event()));
      rows.add(r);
      rowOf.put(last.event(), r);
    } else if (oneEventEnd) {
      // a one-event trace: that event is both the receipt and the end
      Timed only = valid.get(0);
      Row r = new Row(only.event().line(), only.event(), 0);
      eventColumns(r, lastOutcome, unit, dossier, only.at(), value(p.officer(), traceAttrs, only.event()),
          value(p.step(), traceAttrs, only.event()), detail(t, only.event()) + " (end)");
      rows.add(r);
    } else if (p.end() == MappingProfile.End.TRACE_ATTRIBUTE) {
      String text = value(p.endAttribute(), traceAttrs, null);
      EventType outcome = outcomeOf(traceAttrs, null);
      if (text != null && outcome != null) {
        Row r = new Row(t.endLine(), null, 0);
        Instant at = tryInstant(text);
        if (at == null) {
          reject(out, null, t.endLine(), 0, RejectReason.BAD_TIME,
              p.endAttribute() + " is not a date-time: '" + text + "'", where);
        } else if (at.isBefore(receiptAt)) {
          // an end before the receipt cannot be read as either; the case stays open, and says why here
          reject(out, null, t.endLine(), 0, RejectReason.INCONSISTENT_TIMES, p.endAttribute() + " " + text
              + " is before the receipt " + receiptAt + "; the case is read as not ended", where);
        } else {
          eventColumns(r, outcome, unit, dossier, at, null, null, "trace " + t.number() + " " + p.endAttribute());
          rows.add(r);
        }
      }
    }

    // ids in reading order, so same-instant events keep the trace's order in the clock
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).cols.put(LogColumns.EVENT_ID, "xes:" + dossier + ":" + String.format(Locale.ROOT, "%05d", i));
    }
    // an exact duplicate repeats its original's row (same id: the clock keeps one and counts the other)
    List<Row> dups = new ArrayList<>();
    for (Map.Entry<XesEvent, Timed> d : duplicateOf.entrySet()) {
      Row orig = rowOf.get(d.getValue().event());
      if (orig == null) {
        rows.get(rows.size() - 1).weight++;
        continue;
      }
      Row r = new Row(d.getKey().line(), d.getKey(), 1);
      r.cols.putAll(orig.cols);
      dups.add(r);
    }
    rows.addAll(dups);
    for (Row r : rows) {
      EventRowParser.Result res = parser.parse(r.cols::get, source, r.line);
      if (res.ok()) out.accept(new Counted(res.event(), r.weight));
      else reject(out, r.from, r.line, r.weight, res.reason(), res.message(), where);
    }
  }

  private void receivedColumns(Row r, Map<String, String> traceAttrs, XesEvent e, String unit, String dossier,
                               Instant at, String officer, String step, String detail) {
    eventColumns(r, EventType.RECEIVED, unit, dossier, at, officer, step, detail);
    String proc = value(p.procedure(), traceAttrs, e);
    if (proc == null) proc = p.procedureDefault();
    r.cols.put(LogColumns.PROCEDURE_CODE, proc);
    Channel c = p.channel() == null ? p.channelOf(null) : p.channelOf(value(p.channel(), traceAttrs, e));
    r.cols.put(LogColumns.CHANNEL, c == null ? null : c.name());
    putDeadline(r, p.caseDeadline(), traceAttrs, e);
  }

  private void eventColumns(Row r, EventType type, String unit, String dossier, Instant at, String officer,
                            String step, String detail) {
    r.cols.put(LogColumns.DOSSIER_ID, dossier);
    r.cols.put(LogColumns.WARD_CODE, unit);
    r.cols.put(LogColumns.EVENT_TYPE, type.name());
    r.cols.put(LogColumns.OCCURRED_AT, at.toString());
    r.cols.put(LogColumns.OFFICER_ID, officer);
    r.cols.put(LogColumns.STEP, step);
    r.cols.put(LogColumns.DETAIL, detail);
  }

  /** A deadline attribute as an ISO text the row parser reads; an unreadable one is left as written (and rejected). */
  private void putDeadline(Row r, AttributeRef ref, Map<String, String> traceAttrs, XesEvent e) {
    String text = value(ref, traceAttrs, e);
    if (text == null) return;
    try {
      r.cols.put(LogColumns.DUE_AT, ProfileTimes.deadline(text, p).toString());
    } catch (java.time.DateTimeException ex) {
      r.cols.put(LogColumns.DUE_AT, text);
    }
  }

  private boolean endConditionHolds(Map<String, String> traceAttrs, XesEvent last) {
    if (p.endWhenAttribute() == null) return true;
    String v = value(p.endWhenAttribute(), traceAttrs, last);
    return v != null && p.endWhenValues().contains(v);
  }

  /** The end type: COMPLETED unless the profile maps an outcome attribute; null = not ended. */
  private EventType outcomeOf(Map<String, String> traceAttrs, XesEvent e) {
    if (p.outcome() == null) return p.outcomeOf(null);
    return p.outcomeOf(value(p.outcome(), traceAttrs, e));
  }

  private Instant tryInstant(String text) {
    try {
      return ProfileTimes.instant(text, p);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private String unitOf(Map<String, String> traceAttrs, XesEvent e) {
    String u = value(p.unit(), traceAttrs, e);
    return u == null ? null : expand(p.unitPrefix(), null) + u;
  }

  private String expand(String template, String unit) {
    if (template == null) return "";
    return template.replace("${file}", fileBase).replace("${unit}", unit == null ? "" : unit);
  }

  private String value(AttributeRef ref, Map<String, String> traceAttrs, XesEvent e) {
    if (ref == null) return null;
    String v = switch (ref.kind()) {
      case TRACE -> traceAttrs.get(ref.name());
      case EVENT -> e == null ? null : e.attributes().get(ref.name());
      case CONSTANT -> ref.name();
      case FILE -> fileBase;
      case COLUMN -> null;
    };
    return p.ignored(v) ? null : v.strip();
  }

  private static String detail(XesTrace t, XesEvent e) {
    return "trace " + t.number() + " event " + e.number();
  }

  private void reject(Consumer<Object> out, XesEvent e, long line, int weight, RejectReason reason, String message, String where) {
    String position = e == null ? where : where + " event " + e.number();
    String raw = e == null ? position : position + " " + new TreeMap<>(e.attributes());
    if (raw.length() > 4000) raw = raw.substring(0, 4000) + "…";
    out.accept(new Counted(new Reject(source, line, raw, reason, message + " (" + position + ")"), weight));
  }
}
