package vn.hcmc.kpi.dashboard.ward;

import java.time.LocalDate;

/**
 * The figures of one unit and week (a row of {@code ward_weekly}). Rates and shares are fractions,
 * null when their denominator is 0; {@code progress766} is out of 20.
 */
public record WeekFigures(LocalDate weekStart, boolean partial, long received, long resolved, long early,
    long onTime, long late, Double onTimeRate, long openEnd, long openOverdueEnd, Double progress766,
    long receivedOnline, long receivedCounter, long receivedPost, Double overdueRate, long activeOfficers,
    Double resolvedPerOfficer, long integrationErrors, Double integrationErrorRate, Double afterHoursShare,
    long apologies) {

  /** This week minus {@code previous}; rate and score changes are null when either side is. */
  WeekChange changeFrom(WeekFigures previous) {
    return new WeekChange(received - previous.received, resolved - previous.resolved,
        difference(onTimeRate, previous.onTimeRate), openEnd - previous.openEnd,
        openOverdueEnd - previous.openOverdueEnd, difference(progress766, previous.progress766));
  }

  private static Double difference(Double now, Double before) {
    return now == null || before == null ? null : now - before;
  }

  /**
   * Change against the previous week. {@code onTimeRate} is a difference of fractions (0.012 = 1.2
   * percentage points); {@code progress766} a difference of scores out of 20.
   */
  public record WeekChange(long received, long resolved, Double onTimeRate, long openEnd, long openOverdueEnd,
      Double progress766) {
  }
}
