package vn.hcmc.kpi.dashboard.ward;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.hcmc.kpi.dashboard.alert.AlertStore;
import vn.hcmc.kpi.dashboard.alert.Firing;
import vn.hcmc.kpi.dashboard.officer.OfficerNames;
import vn.hcmc.kpi.dashboard.security.Viewer;
import vn.hcmc.kpi.dashboard.system.NotFoundException;
import vn.hcmc.kpi.dashboard.targets.Targets;
import vn.hcmc.kpi.dashboard.warehouse.AsOf;
import vn.hcmc.kpi.dashboard.warehouse.Columns;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;
import vn.hcmc.kpi.dashboard.ward.WardWeeklyReview.TrendPoint;

/**
 * Builds the ward weekly review for the signed-in viewer ({@link Viewer#current()}): the page, its API,
 * its exports and the Monday digest all come through here, so the scope check and the officer names
 * rules apply to each the same way.
 */
@Component
public class WardReviews {

  private final OfficerNames officerNames;
  private final Targets targets;
  private final AlertStore alerts;

  WardReviews(OfficerNames officerNames, Targets targets, AlertStore alerts) {
    this.officerNames = officerNames;
    this.targets = targets;
    this.alerts = alerts;
  }

  /**
   * The review of {@code wardCode} for the week starting {@code weekStart} (a Monday). Computed once
   * per version, viewer role and unit, unit, week and language (see {@link Snapshot#cached}); the
   * alerts, which the evaluator adds to while a version is served, are read on every call.
   */
  public WardWeeklyReview review(Snapshot warehouse, String wardCode, LocalDate weekStart, Locale locale) {
    WardWeeklyQueries.requireMonday(weekStart);
    Viewer viewer = Viewer.current();
    viewer.requireUnit(wardCode);
    WardWeeklyReview review = warehouse.cached(Arrays.asList("ward-review", viewer.role(), viewer.unit(), wardCode,
        weekStart, locale.toLanguageTag()), () -> compute(warehouse, wardCode, weekStart, locale));
    List<Firing> firings = alerts.of(wardCode, weekStart);
    return new WardWeeklyReview(review.warehouseVersion(), review.asOf(), review.judgedAt(), review.unit(),
        review.weekStart(), review.weekEnd(), review.week(), review.previousWeek(), review.change(), review.trend(),
        review.targets(), review.officers(), review.procedures(), review.overdue(), review.dueBy(), review.atRisk(),
        firings, review.intake());
  }

  /** The review without its alerts (an empty list in their place). */
  private WardWeeklyReview compute(Snapshot warehouse, String wardCode, LocalDate weekStart, Locale locale) {
    Unit unit = WardWeeklyQueries.unit(warehouse, wardCode);
    LocalDate firstTrendWeek = weekStart.minusWeeks(WardWeeklyReview.TREND_WEEKS - 1);
    Map<LocalDate, WeekFigures> weeks = warehouse.query("""
        SELECT * FROM ward_weekly
        WHERE ward_code = ? AND week_start BETWEEN ? AND ?
        ORDER BY week_start""", WardWeeklyQueries::figures, wardCode, firstTrendWeek, weekStart)
        .stream().collect(Collectors.toMap(WeekFigures::weekStart, Function.identity()));
    WeekFigures week = weeks.get(weekStart);
    if (week == null) {
      throw new NotFoundException("review.noData", unit.name(), weekStart);
    }
    WeekFigures previous = weeks.get(weekStart.minusWeeks(1));
    List<TrendPoint> trend = new ArrayList<>();
    for (LocalDate monday = firstTrendWeek; !monday.isAfter(weekStart); monday = monday.plusWeeks(1)) {
      WeekFigures figures = weeks.get(monday);
      trend.add(figures == null
          ? new TrendPoint(monday, false, false, null, null, null, null)
          : new TrendPoint(monday, true, figures.partial(), figures.received(), figures.resolved(),
              figures.onTimeRate(), figures.progress766()));
    }
    Instant asOf = AsOf.of(warehouse);
    Instant judgedAt = AsOf.judgedAt(asOf, weekStart);
    // at risk as the overdue list: at the week's end (the as-of time for the week under way)
    LocalDate dueBy = WorkingDays.of(warehouse, wardCode).nextAfter(judgedAt.atZone(Columns.LOCAL).toLocalDate());
    OfficerNames.Directory names = officerNames.ofUnit(warehouse, wardCode);
    return new WardWeeklyReview(warehouse.versionId(), local(asOf), local(judgedAt), unit, weekStart,
        weekStart.plusDays(6), week, previous, previous == null ? null : week.changeFrom(previous), trend,
        targets.assess(wardCode, week),
        WardWeekTables.officers(warehouse, names, wardCode, weekStart),
        WardWeekTables.procedures(warehouse, wardCode, weekStart, locale),
        WardWeekTables.overdue(warehouse, names, wardCode, judgedAt, locale), dueBy,
        WardWeekTables.atRisk(warehouse, names, wardCode, judgedAt, dueBy, locale),
        List.of(),
        WardWeekTables.intake(warehouse, wardCode, weekStart));
  }

  private static OffsetDateTime local(Instant instant) {
    return instant.atZone(Columns.LOCAL).toOffsetDateTime();
  }
}
