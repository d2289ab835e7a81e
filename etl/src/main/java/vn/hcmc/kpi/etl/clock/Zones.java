package vn.hcmc.kpi.etl.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/** Every day, week and hour in the product is local to Ho Chi Minh City. */
public final class Zones {
  public static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");

  /**
   * From this epoch second on the zone's offset no longer changes (Ho Chi Minh City: UTC+7 since 1975), so a
   * local day or time of day is plain arithmetic on the epoch second. Why: through ZoneRules and LocalDateTime,
   * the local day of an instant was about a tenth of the ETL's CPU samples on a year of the city (issue 10,
   * session 15). {@code Long.MAX_VALUE} if the zone still has rules for future changes (daylight saving).
   */
  static final long FIXED_FROM_EPOCH_SECOND;
  /** The zone's offset from {@link #FIXED_FROM_EPOCH_SECOND} on. */
  static final int FIXED_OFFSET_SECONDS;

  static {
    ZoneRules rules = LOCAL.getRules();
    List<ZoneOffsetTransition> transitions = rules.getTransitions();
    if (!rules.getTransitionRules().isEmpty()) {
      FIXED_FROM_EPOCH_SECOND = Long.MAX_VALUE;
      FIXED_OFFSET_SECONDS = 0;
    } else if (transitions.isEmpty()) {
      FIXED_FROM_EPOCH_SECOND = Long.MIN_VALUE;
      FIXED_OFFSET_SECONDS = rules.getOffset(Instant.EPOCH).getTotalSeconds();
    } else {
      ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
      FIXED_FROM_EPOCH_SECOND = last.getInstant().getEpochSecond();
      FIXED_OFFSET_SECONDS = last.getOffsetAfter().getTotalSeconds();
    }
  }

  private static final int DAY_SECONDS = 86_400;

  private Zones() {}

  /** True when the instant is in the zone's fixed-offset era. */
  static boolean fixed(long epochSecond) { return epochSecond >= FIXED_FROM_EPOCH_SECOND; }

  /** The local day of an instant, as an epoch day. */
  public static long localEpochDay(Instant at) {
    long s = at.getEpochSecond();
    if (fixed(s)) return Math.floorDiv(s + FIXED_OFFSET_SECONDS, DAY_SECONDS);
    return LocalDate.ofInstant(at, LOCAL).toEpochDay();
  }

  /** The local time of day of an instant, in nanoseconds since local midnight. */
  public static long localNanoOfDay(Instant at) {
    long s = at.getEpochSecond();
    if (fixed(s)) return Math.floorMod(s + FIXED_OFFSET_SECONDS, DAY_SECONDS) * 1_000_000_000L + at.getNano();
    return java.time.LocalTime.ofInstant(at, LOCAL).toNanoOfDay();
  }

  /**
   * Local time as nanoseconds since the local 1970-01-01 00:00: exact for 1970..2261 in the fixed-offset era, else
   * {@code Long.MIN_VALUE} (use java.time).
   */
  public static long localNanos(Instant at) {
    long s = at.getEpochSecond();
    if (!fixed(s) || s < 0 || s > 9_000_000_000L) return Long.MIN_VALUE;
    return (s + FIXED_OFFSET_SECONDS) * 1_000_000_000L + at.getNano();
  }

  /** The first instant of a local day (an epoch day). */
  public static Instant startOfDay(long epochDay) {
    long s = epochDay * DAY_SECONDS - FIXED_OFFSET_SECONDS;
    // a day after the last change, so that no earlier midnight of the same local day exists
    if (s >= FIXED_FROM_EPOCH_SECOND + DAY_SECONDS && fixed(s)) return Instant.ofEpochSecond(s);
    return LocalDate.ofEpochDay(epochDay).atStartOfDay(LOCAL).toInstant();
  }

  /** The ISO day of the week of an epoch day, 1 (Monday) to 7 (Sunday); 1970-01-01 was a Thursday. */
  public static int dayOfWeek(long epochDay) { return (int) Math.floorMod(epochDay + 3, 7) + 1; }
}
