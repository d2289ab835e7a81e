package vn.hcmc.kpi.etl.generate;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import vn.hcmc.kpi.etl.clock.Zones;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;

/**
 * One generated log row. Times are kept as local epoch seconds (seconds of the local wall-clock
 * time counted as if it were UTC) and written as ISO-8601 with the local offset.
 *
 * @param at occurred_at, local epoch seconds
 * @param seq 1-based position of the event within its dossier (chronological)
 * @param dueAt due_at in local epoch seconds, or {@link #NO_TIME}
 */
public record LogEvent(long at, String dossierId, String wardCode, String procedureCode, EventType type,
                       String officerId, String step, Channel channel, long dueAt, String detail, int seq) {

  public static final long NO_TIME = Long.MIN_VALUE;

  /** e.g. {@code E26782-260105-0012-03} for event 3 of dossier {@code H26782-260105-0012}. */
  public String eventId() {
    return "E" + dossierId.substring(1) + "-" + (seq < 10 ? "0" + seq : Integer.toString(seq));
  }

  public LocalDateTime occurredLocal() { return LocalDateTime.ofEpochSecond(at, 0, ZoneOffset.UTC); }

  public LocalDateTime dueLocal() { return dueAt == NO_TIME ? null : LocalDateTime.ofEpochSecond(dueAt, 0, ZoneOffset.UTC); }

  /** The row's fields in {@link vn.hcmc.kpi.etl.model.LogColumns#ALL} order ("" for empty). */
  public List<String> fields() {
    return List.of(eventId(), dossierId, wardCode, nz(procedureCode), type.name(), formatLocal(at), nz(officerId),
        nz(step), channel == null ? "" : channel.name(), dueAt == NO_TIME ? "" : formatLocal(dueAt), nz(detail));
  }

  private static String nz(String s) { return s == null ? "" : s; }

  static long localSeconds(LocalDateTime t) { return t.toEpochSecond(ZoneOffset.UTC); }

  /** ISO-8601 local date-time with the Asia/Ho_Chi_Minh offset, e.g. 2026-01-05T08:12:33+07:00. */
  static String formatLocal(long localSeconds) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
    ZoneOffset off = Zones.LOCAL.getRules().getOffset(t);
    StringBuilder sb = new StringBuilder(25);
    int y = t.getYear();
    sb.append(y);
    sb.append('-'); two(sb, t.getMonthValue());
    sb.append('-'); two(sb, t.getDayOfMonth());
    sb.append('T'); two(sb, t.getHour());
    sb.append(':'); two(sb, t.getMinute());
    sb.append(':'); two(sb, t.getSecond());
    sb.append(off.getTotalSeconds() == 0 ? "+00:00" : off.getId());
    return sb.toString();
  }

  private static void two(StringBuilder sb, int v) {
    if (v < 10) sb.append('0');
    sb.append(v);
  }
}
