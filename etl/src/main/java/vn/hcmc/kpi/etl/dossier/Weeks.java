package vn.hcmc.kpi.etl.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.hcmc.kpi.etl.clock.Zones;

/** ISO weeks, Monday to Sunday, named by their Monday, in local time. */
public final class Weeks {
  private Weeks() {}

  public static LocalDate weekStart(LocalDate d) { return d.minusDays(d.getDayOfWeek().getValue() - 1L); }

  public static LocalDate weekStart(Instant t) { return weekStart(t.atZone(Zones.LOCAL).toLocalDate()); }

  /** The last instant of a week: Sunday 23:59:59.999999 local. */
  public static Instant weekEnd(LocalDate weekStart) {
    return weekStart.plusDays(7).atStartOfDay(Zones.LOCAL).toInstant().minusNanos(1000);
  }
}
