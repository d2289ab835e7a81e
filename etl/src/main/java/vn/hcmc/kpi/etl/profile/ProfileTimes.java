package vn.hcmc.kpi.etl.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import vn.hcmc.kpi.etl.clock.Zones;

/**
 * Times in mapped logs. A time with an offset (XES xs:dateTime) is that instant. A time without one
 * is local time in the profile's {@code time.zone}, read with {@code time.format} when given (e.g.
 * {@code MM/dd/yyyy hh:mm:ss a} for NYC 311) or as ISO-8601 with 'T' or a space. A date alone given
 * as a deadline means the end of that date as written (in the product's zone, so the due date is the
 * date written); as an occurrence it is the start of that day in the profile's zone.
 */
public final class ProfileTimes {
  private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter ISO_OFFSET = new DateTimeFormatterBuilder()
      .append(ISO_LOCAL)
      .parseCaseInsensitive()
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  private ProfileTimes() {}

  /** Parses an occurrence time; throws DateTimeParseException with the text when it cannot. */
  public static Instant instant(String text, MappingProfile p) {
    return parse(text, p, false);
  }

  /** Parses a deadline: like {@link #instant}, but a date alone is the end of that date. */
  public static Instant deadline(String text, MappingProfile p) {
    return parse(text, p, true);
  }

  private static Instant parse(String text, MappingProfile p, boolean deadline) {
    String s = text.strip();
    if (p.timeFormat() != null) {
      try {
        return LocalDateTime.parse(s, DateTimeFormatter.ofPattern(p.timeFormat(), Locale.ROOT))
            .atZone(p.zone()).toInstant();
      } catch (DateTimeParseException e) {
        // fall through to ISO
      }
    }
    if (s.length() == 10) {
      LocalDate d = LocalDate.parse(s);
      if (deadline) {
        return d.atTime(LocalTime.MAX.with(ChronoField.NANO_OF_SECOND, 999_999_000)).atZone(Zones.LOCAL).toInstant();
      }
      return d.atStartOfDay(p.zone()).toInstant();
    }
    var parsed = ISO_OFFSET.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
    if (parsed instanceof OffsetDateTime o) return o.toInstant();
    return ((LocalDateTime) parsed).atZone(p.zone()).toInstant();
  }
}
