package vn.hcmc.kpi.dashboard.city;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import vn.hcmc.kpi.dashboard.city.CityComparison.Options;
import vn.hcmc.kpi.dashboard.city.CityComparison.UnitRow;
import vn.hcmc.kpi.dashboard.system.BadRequestException;
import vn.hcmc.kpi.dashboard.system.NotFoundException;
import vn.hcmc.kpi.dashboard.warehouse.AsOf;
import vn.hcmc.kpi.dashboard.warehouse.Columns;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;
import vn.hcmc.kpi.dashboard.ward.WardWeeklyQueries;

/** Reads the city comparison from {@code ward_weekly}, {@code ward_hourly} and {@code units}. */
public final class CityQueries {

  private CityQueries() {
  }

  /** Computed once per version and parameters (see {@link Snapshot#cached}): the same for every viewer. */
  public static CityComparison compare(Snapshot warehouse, LocalDate from, LocalDate until, String formerProvince,
      String kind, RankKey rankBy) {
    WardWeeklyQueries.requireMonday(from);
    WardWeeklyQueries.requireMonday(until);
    if (until.isBefore(from)) {
      throw new BadRequestException("city.badRange", from, until);
    }
    return warehouse.cached(Arrays.asList("city", from, until, formerProvince, kind, rankBy),
        () -> compute(warehouse, from, until, formerProvince, kind, rankBy));
  }

  private static CityComparison compute(Snapshot warehouse, LocalDate from, LocalDate until, String formerProvince,
      String kind, RankKey rankBy) {
    // The SQL sums; the rates are computed below from the sums (one place for the formulas).
    List<UnitRow> rows = warehouse.query("""
        WITH w AS (SELECT * FROM ward_weekly WHERE week_start BETWEEN $1 AND $2),
        last AS (SELECT ward_code, arg_max(open_end, week_start) AS open_end,
                        arg_max(open_overdue_end, week_start) AS open_overdue_end
                 FROM w GROUP BY ward_code)
        SELECT w.ward_code, coalesce(u.name, w.ward_code) AS name, u.kind, u.former_province,
               count(*) AS weeks, bool_or(w.partial) AS partial,
               CAST(sum(received) AS BIGINT) AS received, CAST(sum(resolved) AS BIGINT) AS resolved,
               CAST(sum(early) AS BIGINT) AS early, CAST(sum(on_time) AS BIGINT) AS on_time,
               CAST(sum(late) AS BIGINT) AS late, any_value(l.open_end) AS open_end,
               any_value(l.open_overdue_end) AS open_overdue_end,
               CAST(sum(active_officers) AS BIGINT) AS officer_weeks,
               CAST(sum(integration_errors) AS BIGINT) AS integration_errors,
               CAST(sum(received_with_integration_error) AS BIGINT) AS received_with_error,
               CAST(sum(after_hours_events) AS BIGINT) AS after_hours_events,
               CAST(sum(officer_events) AS BIGINT) AS officer_events
        FROM w JOIN last l USING (ward_code) LEFT JOIN units u ON u.unit_code = w.ward_code
        WHERE ($3 IS NULL OR u.former_province = $3) AND ($4 IS NULL OR u.kind = $4)
        GROUP BY ALL ORDER BY w.ward_code""", row -> {
          long received = row.getLong("received");
          long resolved = row.getLong("resolved");
          long early = row.getLong("early");
          long onTime = row.getLong("on_time");
          long late = row.getLong("late");
          long open = row.getLong("open_end");
          long openOverdue = row.getLong("open_overdue_end");
          long weeks = row.getLong("weeks");
          long officerWeeks = row.getLong("officer_weeks");
          return new UnitRow(null, row.getString("ward_code"), row.getString("name"), row.getString("kind"),
              row.getString("former_province"), weeks, row.getBoolean("partial"), received, resolved, early, onTime,
              late, ratio(early + onTime, resolved), open, openOverdue, ratio(late + openOverdue, resolved + open),
              times(ratio(early + onTime + open - openOverdue, resolved + open), 20),
              (double) officerWeeks / weeks, ratio(received, officerWeeks), ratio(resolved, officerWeeks),
              row.getLong("integration_errors"), ratio(row.getLong("received_with_error"), received),
              ratio(row.getLong("after_hours_events"), row.getLong("officer_events")));
        }, from, until, formerProvince, kind);
    if (rows.isEmpty() && !hasAnyData(warehouse, from, until)) {
      throw new NotFoundException("city.noData", from, until);
    }
    long unitsInFilter = warehouse.queryFirst("""
        SELECT count(*) FROM units WHERE ($1 IS NULL OR former_province = $1) AND ($2 IS NULL OR kind = $2)""",
        row -> row.getLong(1), formerProvince, kind).orElse(0L);
    List<Long> byHour = warehouse.query("""
        SELECT coalesce(CAST(sum(h.integration_errors) AS BIGINT), 0)
        FROM range(0, 24) r(hour)
        LEFT JOIN (SELECT x.* FROM ward_hourly x LEFT JOIN units u ON u.unit_code = x.ward_code
                   WHERE x.week_start BETWEEN $1 AND $2
                     AND ($3 IS NULL OR u.former_province = $3) AND ($4 IS NULL OR u.kind = $4)) h
               ON h.hour = r.hour
        GROUP BY r.hour ORDER BY r.hour""", row -> row.getLong(1), from, until, formerProvince, kind);
    return new CityComparison(warehouse.versionId(), AsOf.of(warehouse).atZone(Columns.LOCAL).toOffsetDateTime(),
        from, until, formerProvince, kind, rankBy, rank(rows, rankBy), unitsInFilter, byHour, options(warehouse));
  }

  /** Sorts by the KPI (units without a value last, by code) and numbers them; ties share a rank. */
  static List<UnitRow> rank(List<UnitRow> rows, RankKey key) {
    Comparator<Double> order = key.highestFirst() ? Comparator.reverseOrder() : Comparator.naturalOrder();
    List<UnitRow> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(key::value, Comparator.nullsLast(order)).thenComparing(UnitRow::code));
    List<UnitRow> ranked = new ArrayList<>();
    Double previous = null;
    int rank = 0;
    for (int i = 0; i < sorted.size(); i++) {
      UnitRow row = sorted.get(i);
      Double value = key.value(row);
      if (value != null && !value.equals(previous)) {
        rank = i + 1;
      }
      previous = value;
      ranked.add(new UnitRow(value == null ? null : rank, row.code(), row.name(), row.kind(), row.formerProvince(),
          row.weeks(), row.partial(), row.received(), row.resolved(), row.early(), row.onTime(), row.late(),
          row.onTimeRate(), row.openEnd(), row.openOverdueEnd(), row.overdueRate(), row.progress766(),
          row.activeOfficers(), row.loadPerOfficer(), row.resolvedPerOfficer(), row.integrationErrors(),
          row.integrationErrorRate(), row.afterHoursShare()));
    }
    return ranked;
  }

  /** The last week that is complete for the city (no unit marks it partial), else the last week. */
  public static LocalDate lastCompleteWeek(Snapshot warehouse) {
    return warehouse.queryFirst("""
        SELECT coalesce(max(week_start) FILTER (WHERE NOT partial), max(week_start)) FROM ward_weekly""",
        row -> row.getObject(1, LocalDate.class))
        .orElseThrow(() -> new NotFoundException("review.noData.anyWard"));
  }

  private static boolean hasAnyData(Snapshot warehouse, LocalDate from, LocalDate until) {
    return warehouse.queryFirst("SELECT count(*) FROM ward_weekly WHERE week_start BETWEEN ? AND ?",
        row -> row.getLong(1) > 0, from, until).orElse(false);
  }

  private static Options options(Snapshot warehouse) {
    return new Options(
        warehouse.query("SELECT DISTINCT week_start FROM ward_weekly ORDER BY 1 DESC",
            row -> row.getObject(1, LocalDate.class)),
        warehouse.query("SELECT DISTINCT former_province FROM units WHERE former_province IS NOT NULL ORDER BY 1",
            row -> row.getString(1)),
        warehouse.query("SELECT DISTINCT kind FROM units WHERE kind IS NOT NULL ORDER BY 1", row -> row.getString(1)));
  }

  private static Double ratio(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }

  private static Double times(Double value, double factor) {
    return value == null ? null : value * factor;
  }
}
