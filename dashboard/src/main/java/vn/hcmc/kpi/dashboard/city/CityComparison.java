package vn.hcmc.kpi.dashboard.city;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The comparison of all units with data for one week or a range of weeks: the body of
 * {@code GET /api/city/weeks/{weekStart}}.
 *
 * @param from first week (Monday) of the range
 * @param until last week (Monday) of the range; equal to {@code from} for one week
 * @param formerProvince filter applied, null for all
 * @param kind filter applied (phuong, xa, dac_khu), null for all
 * @param rankBy the KPI the units are ranked by ({@link RankKey})
 * @param units ranked, rank 1 first; units without a value for the KPI come last, unranked
 * @param unitsInFilter units of the reference list that the filters select, with or without data
 * @param integrationErrorsByHour 24 values, hour 0 first: integration errors of the selected units
 */
public record CityComparison(String warehouseVersion, OffsetDateTime asOf, LocalDate from, LocalDate until,
    String formerProvince, String kind, RankKey rankBy, List<UnitRow> units, long unitsInFilter,
    List<Long> integrationErrorsByHour, Options options) {

  /**
   * One unit over the range. Counts are sums over the weeks; open figures are those of the unit's last
   * week in the range; rates are recomputed from the sums with the formulas of {@code ward_weekly}, so
   * that for one week they equal its columns. {@code loadPerOfficer} = received / officer-weeks
   * (dossiers received per active officer and week); {@code activeOfficers} = mean per week.
   */
  public record UnitRow(Integer rank, String code, String name, String kind, String formerProvince, long weeks,
      boolean partial, long received, long resolved, long early, long onTime, long late, Double onTimeRate,
      long openEnd, long openOverdueEnd, Double overdueRate, Double progress766, Double activeOfficers,
      Double loadPerOfficer, Double resolvedPerOfficer, long integrationErrors, Double integrationErrorRate,
      Double afterHoursShare) {
  }

  /** What the pickers offer: weeks with data (newest first), former provinces and kinds of the units. */
  public record Options(List<LocalDate> weeks, List<String> formerProvinces, List<String> kinds) {
  }
}
