package vn.hcmc.kpi.etl.clock;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deadline calendar of one unit: working days are Monday to Friday, minus holidays,
 * plus make-up working days; office hours apply on every working day (a make-up Saturday
 * uses the unit's Monday sessions). Counter service hours on a weekend do not make a day
 * a working day. Days are precomputed over a fixed range so lookups are array reads.
 */
public final class WorkingCalendar implements Serializable {

  public static final LocalDate FIRST_DAY = LocalDate.of(1990, 1, 1);
  public static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
  public static final List<OfficeSession> DEFAULT_SESSIONS = List.of(
      new OfficeSession(LocalTime.of(7, 30), LocalTime.of(11, 30)),
      new OfficeSession(LocalTime.of(13, 0), LocalTime.of(17, 0)));

  private final long base = FIRST_DAY.toEpochDay();
  private final boolean[] working;
  /** cumulative[i] = number of working days among days 0..i of the range. */
  private final int[] cumulative;
  /** epoch days of all working days, ascending. */
  private final long[] workingDays;
  /** sessions per ISO weekday (index 1..7); weekend entries used only for make-up days. */
  private final OfficeSession[][] sessionsByWeekday;

  /**
   * @param holidays days off (HOLIDAY rows)
   * @param makeUpDays weekend days that are working days (WORKDAY rows)
   * @param sessions office sessions per ISO weekday 1..7; a weekday missing from the map uses
   *     the default 07:30–11:30, 13:00–17:00
   */
  public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpDays,
                         Map<Integer, List<OfficeSession>> sessions) {
    int n = (int) (LAST_DAY.toEpochDay() - base + 1);
    working = new boolean[n];
    cumulative = new int[n];
    long[] wd = new long[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      LocalDate d = LocalDate.ofEpochDay(base + i);
      boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean w = makeUpDays.contains(d) || (!weekend && !holidays.contains(d));
      working[i] = w;
      if (w) wd[count++] = base + i;
      cumulative[i] = count;
    }
    workingDays = Arrays.copyOf(wd, count);
    sessionsByWeekday = new OfficeSession[8][];
    for (int dow = 1; dow <= 7; dow++) {
      List<OfficeSession> s = sessions.getOrDefault(dow, DEFAULT_SESSIONS);
      List<OfficeSession> sorted = new ArrayList<>(s);
      sorted.sort((a, b) -> a.opens().compareTo(b.opens()));
      sessionsByWeekday[dow] = sorted.toArray(new OfficeSession[0]);
    }
  }

  /** Monday–Friday working days minus the given holidays, default office hours. */
  public static WorkingCalendar of(Set<LocalDate> holidays, Set<LocalDate> makeUpDays) {
    return new WorkingCalendar(holidays, makeUpDays, Map.of());
  }

  private int index(LocalDate d) { return index(d.toEpochDay()); }

  private int index(long epochDay) {
    long i = epochDay - base;
    if (i < 0 || i >= working.length) {
      throw new IllegalArgumentException("date outside the calendar's range "
          + FIRST_DAY + ".." + LAST_DAY + ": " + LocalDate.ofEpochDay(epochDay));
    }
    return (int) i;
  }

  public boolean isWorkingDay(LocalDate d) { return working[index(d)]; }

  /** d itself if it is a working day, else the next one. */
  public LocalDate workingDayOnOrAfter(LocalDate d) {
    int i = index(d);
    return LocalDate.ofEpochDay(workingDays[working[i] ? cumulative[i] - 1 : cumulative[i]]);
  }

  public LocalDate nextWorkingDay(LocalDate d) { return LocalDate.ofEpochDay(workingDays[cumulative[index(d)]]); }

  /** The n-th working day after d; d itself is not counted (n = 0 gives d when it is a working day). */
  public LocalDate addWorkingDays(LocalDate d, int n) {
    if (n < 0) throw new IllegalArgumentException("n must be >= 0: " + n);
    if (n == 0) return workingDayOnOrAfter(d);
    return LocalDate.ofEpochDay(workingDays[cumulative[index(d)] + n - 1]);
  }

  /** Working days in (from, to]; 0 when to is not after from. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) return 0;
    return cumulative[index(to)] - cumulative[index(from)];
  }

  /** Office sessions of a day; empty on a day that is not a working day. */
  public OfficeSession[] sessions(LocalDate d) {
    long day = d.toEpochDay();
    if (!working[index(day)]) return NO_SESSIONS;
    return sessionsOf(Zones.dayOfWeek(day));
  }

  private static final OfficeSession[] NO_SESSIONS = new OfficeSession[0];

  private OfficeSession[] sessionsOf(int dayOfWeek) {
    return dayOfWeek >= 6 ? sessionsByWeekday[1] : sessionsByWeekday[dayOfWeek];
  }

  /** Closing time of the last session, or null on a day that is not a working day. */
  public LocalTime closes(LocalDate d) {
    OfficeSession[] s = sessions(d);
    return s.length == 0 ? null : s[s.length - 1].closes();
  }

  /** Receipt day: the day itself when it is a working day and the time is before close, else the next working day. */
  public LocalDate receiptDay(LocalDateTime local) {
    LocalDate d = local.toLocalDate();
    LocalTime close = closes(d);
    if (close != null && local.toLocalTime().isBefore(close)) return d;
    return nextWorkingDay(d);
  }

  public LocalDate receiptDay(Instant at) { return receiptDay(LocalDateTime.ofInstant(at, Zones.LOCAL)); }

  /** True when the local time falls inside an office session of a working day (close excluded). */
  public boolean isOfficeTime(LocalDateTime local) {
    LocalTime t = local.toLocalTime();
    for (OfficeSession s : sessions(local.toLocalDate())) {
      if (!t.isBefore(s.opens()) && t.isBefore(s.closes())) return true;
    }
    return false;
  }

  /** As {@link #isOfficeTime(LocalDateTime)}, from the instant's local day and time of day without a LocalDateTime. */
  public boolean isOfficeTime(Instant at) {
    long day = Zones.localEpochDay(at);
    if (!working[index(day)]) return false;
    long t = Zones.localNanoOfDay(at);
    for (OfficeSession s : sessionsOf(Zones.dayOfWeek(day))) {
      if (t >= s.opens().toNanoOfDay() && t < s.closes().toNanoOfDay()) return true;
    }
    return false;
  }

  /** Seconds of office time within [from, to): per session, the whole seconds of its overlap with [from, to). */
  public long officeSecondsBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) return 0;
    long a = Zones.localNanos(from);
    long b = Zones.localNanos(to);
    if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) return officeSecondsBetweenByDates(from, to);
    // local times as nanoseconds since the local epoch: no LocalDateTime per day and session (issue 10, session 15)
    long lastDay = Math.floorDiv(b, NANOS_PER_DAY);
    long total = 0;
    for (long d = Math.floorDiv(a, NANOS_PER_DAY); d <= lastDay; d++) {
      int i = index(d);
      if (!working[i]) {
        long next = workingDays[cumulative[i]]; // jump over long non-working stretches quickly
        if (next > lastDay) break;
        d = next - 1;
        continue;
      }
      long midnight = d * NANOS_PER_DAY;
      for (OfficeSession s : sessionsOf(Zones.dayOfWeek(d))) {
        long lo = Math.max(a, midnight + s.opens().toNanoOfDay());
        long hi = Math.min(b, midnight + s.closes().toNanoOfDay());
        if (hi > lo) total += (hi - lo) / 1_000_000_000L;
      }
    }
    return total;
  }

  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  /** {@link #officeSecondsBetween} through LocalDateTime: for times outside the zone's fixed-offset era. */
  long officeSecondsBetweenByDates(Instant from, Instant to) {
    if (!to.isAfter(from)) return 0;
    LocalDateTime a = LocalDateTime.ofInstant(from, Zones.LOCAL);
    LocalDateTime b = LocalDateTime.ofInstant(to, Zones.LOCAL);
    long total = 0;
    for (LocalDate d = a.toLocalDate(); !d.isAfter(b.toLocalDate()); d = d.plusDays(1)) {
      if (!isWorkingDay(d)) {
        // jump over long non-working stretches quickly
        LocalDate next = nextWorkingDay(d);
        if (next.isAfter(b.toLocalDate())) break;
        d = next.minusDays(1);
        continue;
      }
      for (OfficeSession s : sessions(d)) {
        LocalDateTime so = d.atTime(s.opens());
        LocalDateTime sc = d.atTime(s.closes());
        LocalDateTime lo = a.isAfter(so) ? a : so;
        LocalDateTime hi = b.isBefore(sc) ? b : sc;
        if (hi.isAfter(lo)) total += java.time.Duration.between(lo, hi).getSeconds();
      }
    }
    return total;
  }

  /** The instant at which the given number of office seconds have passed since start. */
  public Instant addOfficeSeconds(Instant start, long seconds) {
    if (seconds < 0) throw new IllegalArgumentException("seconds must be >= 0: " + seconds);
    LocalDateTime t = LocalDateTime.ofInstant(start, Zones.LOCAL);
    long left = seconds;
    LocalDate d = t.toLocalDate();
    while (true) {
      for (OfficeSession s : sessions(d)) {
        LocalDateTime so = d.atTime(s.opens());
        LocalDateTime sc = d.atTime(s.closes());
        if (!sc.isAfter(t)) continue;
        LocalDateTime from = t.isAfter(so) ? t : so;
        long avail = java.time.Duration.between(from, sc).getSeconds();
        if (left <= avail) return from.plusSeconds(left).atZone(Zones.LOCAL).toInstant();
        left -= avail;
      }
      d = nextWorkingDay(d);
      t = d.atStartOfDay();
    }
  }

  public static LocalDateTime local(Instant at) { return LocalDateTime.ofInstant(at, Zones.LOCAL); }

  public static ZonedDateTime zoned(Instant at) { return at.atZone(Zones.LOCAL); }
}
