package vn.hcmc.kpi.dashboard.targets;

import java.util.function.Function;

import vn.hcmc.kpi.dashboard.city.CityComparison.UnitRow;
import vn.hcmc.kpi.dashboard.ward.WeekFigures;

/**
 * The weekly KPIs of a unit that targets and alert rules can name (in configuration as
 * {@code on-time-rate}, {@code progress-766}, …; in JSON as {@link #key()}). Each knows whether more is
 * better and how to read it from a week of {@code ward_weekly} and from a city comparison row.
 */
public enum Kpi {
  ON_TIME_RATE("onTimeRate", true, Kind.FRACTION, WeekFigures::onTimeRate, UnitRow::onTimeRate),
  PROGRESS_766("progress766", true, Kind.SCORE, WeekFigures::progress766, UnitRow::progress766),
  OVERDUE_RATE("overdueRate", false, Kind.FRACTION, WeekFigures::overdueRate, UnitRow::overdueRate),
  /** Overdue open dossiers as a share of open dossiers at the week's end (null when nothing is open). */
  OPEN_OVERDUE_SHARE("openOverdueShare", false, Kind.FRACTION,
      w -> ratio(w.openOverdueEnd(), w.openEnd()), u -> ratio(u.openOverdueEnd(), u.openEnd())),
  OPEN_OVERDUE_END("openOverdueEnd", false, Kind.COUNT, w -> (double) w.openOverdueEnd(),
      u -> (double) u.openOverdueEnd()),
  LATE("late", false, Kind.COUNT, w -> (double) w.late(), u -> (double) u.late()),
  /** Received online as a share of all received (a Decision 766 component). */
  ONLINE_RATE("onlineRate", true, Kind.FRACTION, w -> ratio(w.receivedOnline(), w.received()), u -> null),
  RESOLVED_PER_OFFICER("resolvedPerOfficer", true, Kind.DECIMAL, WeekFigures::resolvedPerOfficer,
      UnitRow::resolvedPerOfficer),
  INTEGRATION_ERROR_RATE("integrationErrorRate", false, Kind.FRACTION, WeekFigures::integrationErrorRate,
      UnitRow::integrationErrorRate),
  AFTER_HOURS_SHARE("afterHoursShare", false, Kind.FRACTION, WeekFigures::afterHoursShare,
      UnitRow::afterHoursShare);

  /** How a value is written: a fraction as a percentage, a score out of 20, a count, a decimal. */
  public enum Kind { FRACTION, SCORE, COUNT, DECIMAL }

  private final String key;
  private final boolean higherIsBetter;
  private final Kind kind;
  private final Function<WeekFigures, Double> ofWeek;
  private final Function<UnitRow, Double> ofUnitRow;

  Kpi(String key, boolean higherIsBetter, Kind kind, Function<WeekFigures, Double> ofWeek,
      Function<UnitRow, Double> ofUnitRow) {
    this.key = key;
    this.higherIsBetter = higherIsBetter;
    this.kind = kind;
    this.ofWeek = ofWeek;
    this.ofUnitRow = ofUnitRow;
  }

  /** The name in JSON and in message keys ({@code kpi.onTimeRate}). */
  public String key() {
    return key;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  public Kind kind() {
    return kind;
  }

  /** The value in one week; null when its denominator is 0. */
  public Double of(WeekFigures week) {
    return ofWeek.apply(week);
  }

  /** The value in a city comparison row (null where the comparison does not carry it). */
  public Double of(UnitRow row) {
    return ofUnitRow.apply(row);
  }

  private static Double ratio(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }
}
