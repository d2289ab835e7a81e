package vn.hcmc.kpi.dashboard.system;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How figures are written on pages, in the request's language: Vietnamese {@code 1.234,5} and
 * {@code 95,2 %}, English {@code 1,234.5} and {@code 95.2%}; dates {@code dd/MM/yyyy} in both.
 * Missing values are written as an em dash. Templates use it as {@code @figures}.
 */
@Component("figures")
public class FigureFormat {

  public static final String MISSING = "—";

  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  public String count(Number value) {
    return count(value, LocaleContextHolder.getLocale());
  }

  public String signedCount(Number value) {
    return value == null ? MISSING : sign(value.doubleValue()) + count(value);
  }

  /** A fraction as a percentage with one decimal. */
  public String percent(Double fraction) {
    return percent(fraction, LocaleContextHolder.getLocale());
  }

  /** A difference of fractions in percentage points, signed, one decimal (unit written by the page). */
  public String signedPoints(Double fractionDifference) {
    return fractionDifference == null ? MISSING
        : sign(fractionDifference) + decimal(fractionDifference * 100, 1, LocaleContextHolder.getLocale());
  }

  /** A score (e.g. progress_766, out of 20) with one decimal. */
  public String score(Double value) {
    return decimal(value, 1, LocaleContextHolder.getLocale());
  }

  public String signedScore(Double value) {
    return value == null ? MISSING : sign(value) + score(value);
  }

  public String date(LocalDate date) {
    return date == null ? MISSING : DATE.format(date);
  }

  /** An instant in local time (callers pass Asia/Ho_Chi_Minh values), dd/MM/yyyy HH:mm. */
  public String dateTime(OffsetDateTime value) {
    return value == null ? MISSING : DATE_TIME.format(value.atZoneSameInstant(ZONE));
  }

  /** A number with {@code digits} decimals (hours, days, indexes). */
  public String decimal(Double value, int digits) {
    return decimal(value, digits, LocaleContextHolder.getLocale());
  }

  public String dayMonth(LocalDate date) {
    return date == null ? MISSING : DAY_MONTH.format(date);
  }

  public static String count(Number value, Locale locale) {
    return value == null ? MISSING : NumberFormat.getIntegerInstance(locale).format(value);
  }

  public static String percent(Double fraction, Locale locale) {
    if (fraction == null) {
      return MISSING;
    }
    String number = decimal(fraction * 100, 1, locale);
    return "vi".equals(locale.getLanguage()) ? number + "\u00a0%" : number + "%";
  }

  public static String decimal(Double value, int digits, Locale locale) {
    if (value == null) {
      return MISSING;
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(value);
  }

  private static String sign(double value) {
    return value > 0 ? "+" : "";
  }
}
