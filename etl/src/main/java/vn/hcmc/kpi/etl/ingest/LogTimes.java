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
    Instant plain = plainOffsetTime(s);
    return plain != null ? plain : withFormatters(s);
  }

  /** {@link #parseInstant} through the java.time formatters alone. */
  static Instant withFormatters(String s) {
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

  /**
   * The time of the one shape every native log writes, {@code yyyy-MM-ddTHH:mm:ss} with an optional
   * fraction and then {@code Z} or {@code ±HH:MM}, read digit by digit; null for any other text or any
   * value the formatters might resolve otherwise (a day past the 28th is checked against its month, hours
   * past 23, offsets past 18 hours), which then goes through them. Why: the formatters were about a
   * twentieth of a year's ETL CPU (issue 10, session 6); {@code LogTimesTest} checks that both agree.
   */
  static Instant plainOffsetTime(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') return null;
    int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
    int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59) return null;
    if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) return null;
    int i = 19, nanos = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') nanos = nanos * 10 + s.charAt(i++) - '0';
      int count = i - start;
      if (count == 0 || (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9')) return null;
      for (int k = count; k < 9; k++) nanos *= 10;
    }
    int offsetSeconds;
    if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2), om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) return null;
      offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long days = epochDay(year, month, day);
    return Instant.ofEpochSecond(days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
  }

  /**
   * The epoch day of a valid date of the proleptic Gregorian calendar (year 0 and after), by the civil-days
   * formula (H. Hinnant, "chrono-compatible low-level date algorithms"): LocalDate.of(...).toEpochDay() checks
   * the date again and works its leap years out twice. LogTimesTest holds the two equal.
   */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468;
  }

  /** The number written by {@code count} ASCII digits from {@code at}, or -1. */
  private static int digits(String s, int at, int count) {
    int v = 0;
    for (int k = at; k < at + count; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + c - '0';
    }
    return v;
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
