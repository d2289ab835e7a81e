package vn.hcmc.kpi.etl.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import vn.hcmc.kpi.etl.clock.Zones;

/**
 * ISO-8601 times of the native log. A time without an offset is local time in Ho Chi Minh City;
 * 'T' or a space may separate date and time. A date alone (allowed for due_at) means the end of
 * that local day, so its local date is the date written and a deadline on it is met all day.
 */
public final class LogTimes {
  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .toFormatter();
  private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
      .append(LOCAL)
      .parseCaseInsensitive()
      .appendOffset("+HH:MM:ss", "Z")
      .toFormatter();
  private static final DateTimeFormatter OFFSET_COMPACT = new DateTimeFormatterBuilder()
      .append(LOCAL)
      .appendOffset("+HHMM", "Z")
      .toFormatter();

  private LogTimes() {}

  /** Parses a timestamp; throws DateTimeParseException with the text when it cannot. */
  public static Instant parseInstant(String text) {
    String s = text.strip();
    if (s.length() > 10) {
      char last = s.charAt(s.length() - 1);
      boolean hasOffset = last == 'Z' || last == 'z' || hasOffsetSign(s);
      if (hasOffset) {
        try {
          return OffsetDateTime.parse(s, OFFSET).toInstant();
        } catch (DateTimeParseException e) {
          return OffsetDateTime.parse(s, OFFSET_COMPACT).toInstant();
        }
      }
      return LocalDateTime.parse(s, LOCAL).atZone(Zones.LOCAL).toInstant();
    }
    throw new DateTimeParseException("not a date-time: '" + s + "'", s, 0);
  }

  /** Like parseInstant, but a date alone is the end of that local day. */
  public static Instant parseDeadline(String text) {
    String s = text.strip();
    if (s.length() == 10) {
      return LocalDate.parse(s).atTime(LocalTime.MAX.with(ChronoField.NANO_OF_SECOND, 999_999_000))
          .atZone(Zones.LOCAL).toInstant();
    }
    return parseInstant(s);
  }

  private static boolean hasOffsetSign(String s) {
    // an offset sign comes after the time part: look past the date (yyyy-MM-dd)
    for (int i = 11; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '+' || c == '-') return true;
    }
    return false;
  }
}
