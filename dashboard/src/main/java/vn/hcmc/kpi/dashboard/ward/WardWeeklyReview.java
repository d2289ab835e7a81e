package vn.hcmc.kpi.dashboard.ward;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;

import vn.hcmc.kpi.dashboard.alert.Firing;
import vn.hcmc.kpi.dashboard.targets.TargetStatus;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.AtRiskDossier;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.IntakeCell;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.OfficerRow;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.OverdueDossier;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.ProcedureRow;
import vn.hcmc.kpi.dashboard.ward.WeekFigures.WeekChange;

/**
 * The weekly review of one unit: the week's headline figures, the previous week's and the change, the
 * trend over the {@value #TREND_WEEKS} weeks ending with this one, and the week's tables. This is the
 * body of {@code GET /api/wards/{wardCode}/weeks/{weekStart}}, the data the page draws and what the
 * exports write.
 *
 * @param warehouseVersion the published warehouse version the figures come from
 * @param asOf the version's as-of time
 * @param judgedAt when the open and overdue dossiers are taken: the week's end, or {@code asOf}
 * @param previousWeek null when the unit had no activity the week before
 * @param change null when {@code previousWeek} is
 * @param trend oldest first, always {@value #TREND_WEEKS} weeks
 * @param targets the week's KPIs that have a target for the unit ({@code kpi.targets}), with their status
 * @param officers by tasks completed, most first
 * @param procedures late first
 * @param overdue open and overdue at {@code judgedAt}, oldest due date first
 * @param dueBy the next working day after {@code judgedAt}'s day
 * @param atRisk open, in time and due by the end of {@code dueBy} at {@code judgedAt} (sắp trễ), soonest first
 * @param alerts the alert firings stored for the unit and week
 * @param intake 7 × 24 cells, Monday 0:00 first
 */
public record WardWeeklyReview(String warehouseVersion, OffsetDateTime asOf, OffsetDateTime judgedAt, Unit unit,
    LocalDate weekStart, LocalDate weekEnd, WeekFigures week, WeekFigures previousWeek, WeekChange change,
    List<TrendPoint> trend, List<TargetStatus> targets, List<OfficerRow> officers, List<ProcedureRow> procedures,
    List<OverdueDossier> overdue, LocalDate dueBy, List<AtRiskDossier> atRisk, List<Firing> alerts,
    List<IntakeCell> intake) {

  public static final int TREND_WEEKS = 12;

  /**
   * One week of the trend. A week without a {@code ward_weekly} row (no activity recorded, or before
   * the data starts) has {@code hasData=false} and null figures, drawn as a gap.
   */
  public record TrendPoint(LocalDate weekStart, boolean hasData, boolean partial, Long received, Long resolved,
      Double onTimeRate, Double progress766) {
  }

  /** A week offered in the week picker. */
  public record WeekOption(LocalDate weekStart, boolean partial) {
  }
}
