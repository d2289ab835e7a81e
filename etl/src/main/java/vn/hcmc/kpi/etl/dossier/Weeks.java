package vn.hcmc.kpi.etl.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.hcmc.kpi.etl.clock.Zones;

/** ISO weeks, Monday to Sunday, named by their Monday, in local time. */
public final class Weeks {
  private Weeks() {}

  /**
   * The Mondays of 1990..2099, made once: the fold asks for a week several times per event, and making a
   * LocalDate from an epoch day each time was a visible share of its CPU (issue 10, session 15).
   */
  private static final long FIRST_MONDAY = LocalDate.of(1990, 1, 1).toEpochDay(); // a Monday
  private static final LocalDate[] MONDAYS = new LocalDate[(int) ((LocalDate.of(2100, 1, 1).toEpochDay()
      - FIRST_MONDAY) / 7 + 1)];

  static {
    for (int i = 0; i < MONDAYS.length; i++) MONDAYS[i] = LocalDate.ofEpochDay(FIRST_MONDAY + 7L * i);
  }

  public static LocalDate weekStart(LocalDate d) { return monday(d.toEpochDay()); }

  public static LocalDate weekStart(Instant t) { return monday(Zones.localEpochDay(t)); }

  /** The Monday of the week holding an epoch day. */
  static LocalDate monday(long epochDay) {
    long monday = epochDay - (Zones.dayOfWeek(epochDay) - 1);
    return ofEpochDay(monday);
  }

  /** The date of an epoch day: the made Monday when it is one of them, else a new LocalDate. */
  public static LocalDate ofEpochDay(long epochDay) {
    long i = (epochDay - FIRST_MONDAY) / 7;
    boolean cached = epochDay >= FIRST_MONDAY && (epochDay - FIRST_MONDAY) % 7 == 0 && i < MONDAYS.length;
    return cached ? MONDAYS[(int) i] : LocalDate.ofEpochDay(epochDay);
  }

  /** The last instant of a week: Sunday 23:59:59.999999 local. */
  public static Instant weekEnd(LocalDate weekStart) {
    return Zones.startOfDay(weekStart.toEpochDay() + 7).minusNanos(1000);
  }
}
