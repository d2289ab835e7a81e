package vn.hcmc.kpi.etl.ingest.requests;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import vn.hcmc.kpi.etl.ingest.Counted;
import vn.hcmc.kpi.etl.ingest.EventRowParser;
import vn.hcmc.kpi.etl.ingest.Reject;
import vn.hcmc.kpi.etl.ingest.RejectReason;
import vn.hcmc.kpi.etl.ingest.UnreadableFileException;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogColumns;
import vn.hcmc.kpi.etl.profile.AttributeRef;
import vn.hcmc.kpi.etl.profile.MappingProfile;
import vn.hcmc.kpi.etl.profile.ProfileTimes;

/**
 * A request-level CSV (one row per request, as NYC 311) read through a profile: each row gives a
 * RECEIVED at the created time (with the logged due date, channel and procedure) and, when the row
 * has a closed time and its status maps to an outcome, that end event at the closed time. One row is
 * one row read, whatever it gives. Times that contradict each other (closed or due before created,
 * such as a Closed Date of 1900-01-01) make the whole row an INCONSISTENT_TIMES reject, so they
 * never reach the KPIs.
 */
public final class RequestCsvReader {
  private final MappingProfile p;
  private final EventRowParser parser;
  private final String source;
  private final String fileBase;

  public RequestCsvReader(MappingProfile profile, EventRowParser parser, String source, String fileBase) {
    this.p = profile;
    this.parser = parser;
    this.source = source;
    this.fileBase = fileBase;
  }

  public void read(Reader reader, Consumer<Object> out) throws IOException {
    vn.hcmc.kpi.etl.reference.CsvReader csv = new vn.hcmc.kpi.etl.reference.CsvReader(reader);
    vn.hcmc.kpi.etl.reference.CsvReader.Record header = csv.next();
    if (header == null) return;
    if (!header.ok()) throw new UnreadableFileException(source, "unreadable header row: " + header.error());
    Map<String, Integer> index = new HashMap<>();
    int width = header.fields().size();
    for (int i = 0; i < width; i++) {
      index.putIfAbsent(header.fields().get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
    }
    for (AttributeRef r : new AttributeRef[] {p.dossier(), p.unit(), p.procedure(), p.channel(), p.officer(),
        p.step(), p.created(), p.closed(), p.due(), p.outcome()}) {
      if (r != null && r.kind() == AttributeRef.Kind.COLUMN && !index.containsKey(r.name().toLowerCase(Locale.ROOT))) {
        throw new UnreadableFileException(source, "profile " + p.name() + " names column '" + r.name()
            + "', which the header does not have");
      }
    }
    vn.hcmc.kpi.etl.reference.CsvReader.Record rec;
    while ((rec = csv.next()) != null) {
      if (!rec.ok()) {
        reject(out, rec.line(), rec.raw(), RejectReason.valueOf(rec.error()), "unreadable CSV record: " + rec.error());
        continue;
      }
      if (rec.raw().indexOf('\uFFFD') >= 0) {
        reject(out, rec.line(), rec.raw(), RejectReason.BAD_ENCODING, "bytes that are not UTF-8");
        continue;
      }
      List<String> f = rec.fields();
      if (f.size() != width) {
        reject(out, rec.line(), rec.raw(), RejectReason.WRONG_COLUMN_COUNT, f.size() + " fields where the header has " + width);
        continue;
      }
      row(f, index, rec.line(), rec.raw(), out);
    }
  }

  private void row(List<String> f, Map<String, Integer> index, long line, String raw, Consumer<Object> out) {
    String dossierValue = value(p.dossier(), f, index);
    if (dossierValue == null) {
      reject(out, line, raw, RejectReason.MISSING_FIELD, p.dossier() + " (dossier id) is empty");
      return;
    }
    String unit = value(p.unit(), f, index);
    if (unit != null && p.unitPrefix() != null) unit = expand(p.unitPrefix(), null) + unit;
    String dossier = expand(p.dossierPrefix(), unit) + dossierValue;
    String createdText = value(p.created(), f, index);
    if (createdText == null) {
      reject(out, line, raw, RejectReason.MISSING_FIELD, p.created() + " (receipt time) is empty");
      return;
    }
    Instant created;
    Instant closed = null;
    Instant due = null;
    try {
      created = ProfileTimes.instant(createdText, p);
    } catch (DateTimeException e) {
      reject(out, line, raw, RejectReason.BAD_TIME, p.created() + " is not a time: '" + createdText + "'");
      return;
    }
    String closedText = value(p.closed(), f, index);
    if (closedText != null) {
      try {
        closed = ProfileTimes.instant(closedText, p);
      } catch (DateTimeException e) {
        reject(out, line, raw, RejectReason.BAD_TIME, p.closed() + " is not a time: '" + closedText + "'");
        return;
      }
      if (closed.isBefore(created)) {
        reject(out, line, raw, RejectReason.INCONSISTENT_TIMES, p.closed() + " " + closedText + " is before "
            + p.created() + " " + createdText);
        return;
      }
    }
    String dueText = value(p.due(), f, index);
    if (dueText != null) {
      try {
        due = ProfileTimes.deadline(dueText, p);
      } catch (DateTimeException e) {
        reject(out, line, raw, RejectReason.BAD_TIME, p.due() + " is not a time: '" + dueText + "'");
        return;
      }
      if (due.isBefore(created)) {
        reject(out, line, raw, RejectReason.INCONSISTENT_TIMES, p.due() + " " + dueText + " is before "
            + p.created() + " " + createdText);
        return;
      }
    }
    Map<String, String> rec = new HashMap<>();
    rec.put(LogColumns.EVENT_ID, "req:" + dossier + ":0");
    rec.put(LogColumns.DOSSIER_ID, dossier);
    rec.put(LogColumns.WARD_CODE, unit);
    String proc = value(p.procedure(), f, index);
    rec.put(LogColumns.PROCEDURE_CODE, proc != null ? proc : p.procedureDefault());
    rec.put(LogColumns.EVENT_TYPE, EventType.RECEIVED.name());
    rec.put(LogColumns.OCCURRED_AT, created.toString());
    rec.put(LogColumns.OFFICER_ID, value(p.officer(), f, index));
    rec.put(LogColumns.STEP, value(p.step(), f, index));
    Channel c = p.channelOf(value(p.channel(), f, index));
    rec.put(LogColumns.CHANNEL, c == null ? null : c.name());
    rec.put(LogColumns.DUE_AT, due == null ? null : due.toString());
    EventRowParser.Result received = parser.parse(rec::get, source, line);
    if (!received.ok()) {
      reject(out, line, raw, received.reason(), received.message());
      return;
    }
    EventType outcome = closed == null ? null : p.outcomeOf(value(p.outcome(), f, index));
    EventRowParser.Result end = null;
    if (outcome != null) {
      Map<String, String> e = new HashMap<>();
      e.put(LogColumns.EVENT_ID, "req:" + dossier + ":1");
      e.put(LogColumns.DOSSIER_ID, dossier);
      e.put(LogColumns.WARD_CODE, unit);
      e.put(LogColumns.EVENT_TYPE, outcome.name());
      e.put(LogColumns.OCCURRED_AT, closed.toString());
      e.put(LogColumns.DETAIL, value(p.outcome(), f, index));
      end = parser.parse(e::get, source, line);
      if (!end.ok()) {
        reject(out, line, raw, end.reason(), end.message() + " (" + p.closed() + ")");
        return;
      }
    }
    out.accept(new Counted(received.event(), 1));
    if (end != null) out.accept(new Counted(end.event(), 0));
  }

  private String value(AttributeRef ref, List<String> f, Map<String, Integer> index) {
    if (ref == null) return null;
    String v = switch (ref.kind()) {
      case COLUMN -> {
        Integer i = index.get(ref.name().toLowerCase(Locale.ROOT));
        yield i == null ? null : f.get(i);
      }
      case CONSTANT -> ref.name();
      case FILE -> fileBase;
      default -> null;
    };
    return p.ignored(v) ? null : v.strip();
  }

  private String expand(String template, String unit) {
    if (template == null) return "";
    return template.replace("${file}", fileBase).replace("${unit}", unit == null ? "" : unit);
  }

  private void reject(Consumer<Object> out, long line, String raw, RejectReason reason, String message) {
    String kept = raw.length() > 4000 ? raw.substring(0, 4000) + "…" : raw;
    out.accept(new Counted(new Reject(source, line, kept, reason, message), 1));
  }
}
