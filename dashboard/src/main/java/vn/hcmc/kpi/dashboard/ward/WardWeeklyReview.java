package vn.hcmc.kpi.dashboard.ward;

import java.time.LocalDate;
import java.util.List;

import vn.hcmc.kpi.dashboard.ward.WeekFigures.WeekChange;

/**
 * The weekly review of one unit: the week's headline figures, the previous week's and the change, and
 * the trend over the {@value #TREND_WEEKS} weeks ending with this one. This is the body of
 * {@code GET /api/wards/{wardCode}/weeks/{weekStart}} and the data the page's chart draws.
 *
 * @param warehouseVersion the published warehouse version the figures come from
 * @param previousWeek null when the unit had no activity the week before
 * @param change null when {@code previousWeek} is
 * @param trend oldest first, always {@value #TREND_WEEKS} weeks
 */
public record WardWeeklyReview(String warehouseVersion, Unit unit, LocalDate weekStart, LocalDate weekEnd,
    WeekFigures week, WeekFigures previousWeek, WeekChange change, List<TrendPoint> trend) {

  public static final int TREND_WEEKS = 12;

  /**
   * One week of the trend. A week without a {@code ward_weekly} row (no activity recorded, or before
   * the data starts) has {@code hasData=false} and null figures, drawn as a gap.
   */
  public record TrendPoint(LocalDate weekStart, boolean hasData, boolean partial, Long received, Long resolved,
      Double onTimeRate) {
  }

  /** A week offered in the week picker. */
  public record WeekOption(LocalDate weekStart, boolean partial) {
  }
}
