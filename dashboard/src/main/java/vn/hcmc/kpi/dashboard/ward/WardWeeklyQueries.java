package vn.hcmc.kpi.dashboard.ward;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import vn.hcmc.kpi.dashboard.system.BadRequestException;
import vn.hcmc.kpi.dashboard.system.NotFoundException;
import vn.hcmc.kpi.dashboard.warehouse.Columns;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;
import vn.hcmc.kpi.dashboard.ward.WardWeeklyReview.WeekOption;

/** Reads units and weeks from {@code ward_weekly} and {@code units}, within one warehouse snapshot. */
public final class WardWeeklyQueries {

  private WardWeeklyQueries() {
  }

  public static void requireMonday(LocalDate weekStart) {
    if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new BadRequestException("review.notMonday", weekStart, weekStart.with(DayOfWeek.MONDAY));
    }
  }

  /** The unit from {@code units}; a code found only in {@code ward_weekly} is named by its code. */
  public static Unit unit(Snapshot warehouse, String wardCode) {
    return warehouse.queryFirst("SELECT unit_code, name FROM units WHERE unit_code = ?",
            row -> new Unit(row.getString(1), row.getString(2)), wardCode)
        .or(() -> warehouse.queryFirst("SELECT ward_code FROM ward_weekly WHERE ward_code = ? LIMIT 1",
            row -> new Unit(row.getString(1), row.getString(1)), wardCode))
        .orElseThrow(() -> new NotFoundException("review.unknownWard", wardCode));
  }

  /** Units that have at least one week of data, by code. */
  public static List<Unit> unitsWithData(Snapshot warehouse) {
    return warehouse.query("""
        SELECT w.ward_code, coalesce(u.name, w.ward_code)
        FROM (SELECT DISTINCT ward_code FROM ward_weekly) w
        LEFT JOIN units u ON u.unit_code = w.ward_code
        ORDER BY w.ward_code""", row -> new Unit(row.getString(1), row.getString(2)));
  }

  /** The weeks with data of a unit, newest first. */
  static List<WeekOption> weeksOf(Snapshot warehouse, String wardCode) {
    return warehouse.query("SELECT week_start, partial FROM ward_weekly WHERE ward_code = ? ORDER BY week_start DESC",
        row -> new WeekOption(row.getObject(1, LocalDate.class), row.getBoolean(2)), wardCode);
  }

  /** The unit's last complete (non-partial) week, or its last week if every week is partial. */
  static Optional<LocalDate> lastCompleteWeek(Snapshot warehouse, String wardCode) {
    return warehouse.queryFirst("""
        SELECT coalesce(max(week_start) FILTER (WHERE NOT partial), max(week_start))
        FROM ward_weekly WHERE ward_code = ?""", row -> row.getObject(1, LocalDate.class), wardCode);
  }

  /** The unit the home page opens: the first unit (by code) that has data. */
  static Optional<String> defaultWard(Snapshot warehouse) {
    return warehouse.queryFirst("SELECT min(ward_code) FROM ward_weekly", row -> row.getString(1));
  }

  public static WeekFigures figures(ResultSet row) throws SQLException {
    return new WeekFigures(row.getObject("week_start", LocalDate.class), row.getBoolean("partial"),
        row.getLong("received"), row.getLong("resolved"), row.getLong("early"), row.getLong("on_time"),
        row.getLong("late"), Columns.nullableDouble(row, "on_time_rate"), row.getLong("open_end"),
        row.getLong("open_overdue_end"), Columns.nullableDouble(row, "progress_766"), row.getLong("received_online"),
        row.getLong("received_counter"), row.getLong("received_post"), Columns.nullableDouble(row, "overdue_rate"),
        row.getLong("active_officers"), Columns.nullableDouble(row, "resolved_per_officer"),
        row.getLong("integration_errors"), Columns.nullableDouble(row, "integration_error_rate"),
        Columns.nullableDouble(row, "after_hours_share"), row.getLong("apologies"));
  }
}
