package vn.hcmc.kpi.etl.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import vn.hcmc.kpi.etl.clock.WorkingCalendar;
import vn.hcmc.kpi.etl.clock.Zones;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogColumns;
import vn.hcmc.kpi.etl.model.LogEvent;

/**
 * Turns one row of the native log (by column name) into a typed event, or says why not.
 * Times later than {@link #MAX_FUTURE} after the run's clock are refused as FUTURE_TIME.
 */
public final class EventRowParser {

  public static final Duration MAX_FUTURE = Duration.ofDays(1);
  private static final Instant EARLIEST = WorkingCalendar.FIRST_DAY.atStartOfDay(Zones.LOCAL).toInstant();

  /** Either an event or a reject. */
  public record Result(LogEvent event, RejectReason reason, String message) {
    public boolean ok() { return event != null; }
  }

  private final Instant latestAllowed;

  public EventRowParser(Clock clock) {
    this.latestAllowed = clock.instant().plus(MAX_FUTURE);
  }

  public Result parse(Function<String, String> column, String source, long line) {
    String dossier = clean(column.apply(LogColumns.DOSSIER_ID));
    String ward = clean(column.apply(LogColumns.WARD_CODE));
    String typeText = clean(column.apply(LogColumns.EVENT_TYPE));
    String occurredText = clean(column.apply(LogColumns.OCCURRED_AT));
    if (dossier == null) return reject(RejectReason.MISSING_FIELD, "dossier_id is empty");
    if (ward == null) return reject(RejectReason.MISSING_FIELD, "ward_code is empty");
    if (typeText == null) return reject(RejectReason.MISSING_FIELD, "event_type is empty");
    if (occurredText == null) return reject(RejectReason.MISSING_FIELD, "occurred_at is empty");
    EventType type;
    try {
      type = EventType.valueOf(typeText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return reject(RejectReason.UNKNOWN_EVENT_TYPE, "unknown event_type '" + typeText + "'");
    }
    Instant occurred;
    try {
      occurred = LogTimes.parseInstant(occurredText);
    } catch (DateTimeParseException e) {
      return reject(RejectReason.BAD_TIME, "occurred_at is not an ISO-8601 time: '" + occurredText + "'");
    }
    if (occurred.isAfter(latestAllowed)) {
      return reject(RejectReason.FUTURE_TIME, "occurred_at " + occurredText + " is later than the run's clock allows");
    }
    if (occurred.isBefore(EARLIEST)) {
      return reject(RejectReason.BAD_TIME, "occurred_at " + occurredText + " is before " + WorkingCalendar.FIRST_DAY);
    }
    String channelText = clean(column.apply(LogColumns.CHANNEL));
    Channel channel = null;
    if (channelText != null) {
      try {
        channel = Channel.valueOf(channelText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return reject(RejectReason.UNKNOWN_CHANNEL, "unknown channel '" + channelText + "'");
      }
    }
    String dueText = clean(column.apply(LogColumns.DUE_AT));
    Instant due = null;
    if (dueText != null) {
      try {
        due = LogTimes.parseDeadline(dueText);
      } catch (DateTimeParseException e) {
        return reject(RejectReason.BAD_TIME, "due_at is not an ISO-8601 date or time: '" + dueText + "'");
      }
    }
    String procedure = clean(column.apply(LogColumns.PROCEDURE_CODE));
    String officer = clean(column.apply(LogColumns.OFFICER_ID));
    String step = clean(column.apply(LogColumns.STEP));
    String detail = clean(column.apply(LogColumns.DETAIL));
    String id = clean(column.apply(LogColumns.EVENT_ID));
    if (id == null) id = contentId(dossier, ward, procedure, type, occurred, officer, step, channel, due, detail);
    return new Result(new LogEvent(id, dossier, ward, procedure, type, occurred, officer, step, channel, due,
        detail, source, line), null, null);
  }

  private static Result reject(RejectReason reason, String message) { return new Result(null, reason, message); }

  private static String clean(String s) {
    if (s == null) return null;
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** Deterministic id from an event's content, so identical rows without ids are duplicates. */
  static String contentId(Object... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Object p : parts) {
        md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0x1f);
      }
      return "h:" + HexFormat.of().formatHex(md.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
