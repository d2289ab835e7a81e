package vn.hcmc.kpi.dashboard.city;

import java.util.function.Function;

import vn.hcmc.kpi.dashboard.city.CityComparison.UnitRow;

/**
 * The KPIs the city comparison can rank by, with the order that puts the unit to look at first: best
 * first for quality figures (the published 766 ranking does so), highest first for load and errors,
 * where planners look for the units under most pressure.
 */
public enum RankKey {
  progress766(UnitRow::progress766, true),
  onTimeRate(UnitRow::onTimeRate, true),
  overdueRate(UnitRow::overdueRate, false),
  loadPerOfficer(UnitRow::loadPerOfficer, true),
  resolvedPerOfficer(UnitRow::resolvedPerOfficer, true),
  received(row -> (double) row.received(), true),
  openOverdueEnd(row -> (double) row.openOverdueEnd(), true),
  integrationErrors(row -> (double) row.integrationErrors(), true),
  integrationErrorRate(UnitRow::integrationErrorRate, true),
  afterHoursShare(UnitRow::afterHoursShare, true);

  private final Function<UnitRow, Double> value;
  private final boolean highestFirst;

  RankKey(Function<UnitRow, Double> value, boolean highestFirst) {
    this.value = value;
    this.highestFirst = highestFirst;
  }

  public Double value(UnitRow row) {
    return value.apply(row);
  }

  public boolean highestFirst() {
    return highestFirst;
  }
}
