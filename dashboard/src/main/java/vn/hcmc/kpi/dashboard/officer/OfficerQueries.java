package vn.hcmc.kpi.dashboard.officer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import vn.hcmc.kpi.dashboard.officer.OfficerView.LateDossier;
import vn.hcmc.kpi.dashboard.officer.OfficerView.Task;
import vn.hcmc.kpi.dashboard.officer.OfficerView.Week;
import vn.hcmc.kpi.dashboard.security.Viewer;
import vn.hcmc.kpi.dashboard.system.NotFoundException;
import vn.hcmc.kpi.dashboard.warehouse.Columns;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;
import vn.hcmc.kpi.dashboard.ward.Unit;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.OfficerRow;
import vn.hcmc.kpi.dashboard.ward.WardWeeklyQueries;

/** Reads the officer view from {@code officer_weekly}, {@code tasks}, {@code dossiers} and {@code officers}. */
final class OfficerQueries {

  private OfficerQueries() {
  }

  /**
   * Only officers with activity in that unit are found: the view is "within the leader's ward" (SPEC
   * 6), so an officer id of another unit is 404 here, whatever the id.
   *
   * @param weekStart null: the officer's last week with activity
   */
  static OfficerView view(Snapshot warehouse, OfficerNames names, String wardCode, String shownId,
      LocalDate weekStart) {
    if (weekStart != null) {
      WardWeeklyQueries.requireMonday(weekStart);
    }
    Viewer viewer = Viewer.current();
    viewer.requireUnit(wardCode);
    // once per version, viewer role and unit, and parameters (see Snapshot.cached)
    return warehouse.cached(Arrays.asList("officer", viewer.role(), viewer.unit(), wardCode, shownId, weekStart),
        () -> compute(warehouse, names, wardCode, shownId, weekStart));
  }

  private static OfficerView compute(Snapshot warehouse, OfficerNames names, String wardCode, String shownId,
      LocalDate weekStart) {
    Unit unit = WardWeeklyQueries.unit(warehouse, wardCode);
    // planners and analysts address officers by pseudonym; a real id from them is unknown here (404)
    String officerId = names.resolve(warehouse, wardCode, shownId);
    if (officerId == null) {
      throw new NotFoundException("officer.unknown", shownId, unit.name());
    }
    OfficerNames.Directory directory = names.ofUnit(warehouse, wardCode);
    String name = directory.name(officerId);
    List<Week> weeks = warehouse.query("""
        SELECT * FROM officer_weekly WHERE ward_code = ? AND officer_id = ? ORDER BY week_start""",
        row -> new Week(Columns.date(row, "week_start"), new OfficerRow(shownId, name, row.getLong("tasks_started"),
            row.getLong("tasks_completed"), Columns.nullableDouble(row, "task_hours_median"),
            Columns.nullableDouble(row, "task_hours_p90"), row.getLong("open_tasks_end"),
            row.getLong("overdue_held_end"), row.getLong("late_attributed"), row.getLong("supplements_requested"),
            Columns.nullableDouble(row, "after_hours_share"), Columns.nullableDouble(row, "workload_index")),
            Columns.nullableDouble(row, "unit_median_tasks_completed")), wardCode, officerId);
    if (weeks.isEmpty()) {
      throw new NotFoundException("officer.unknown", shownId, unit.name());
    }
    LocalDate week = weekStart != null ? weekStart : weeks.get(weeks.size() - 1).weekStart();
    OffsetDateTime from = week.atStartOfDay(Columns.LOCAL).toOffsetDateTime();
    OffsetDateTime to = week.plusWeeks(1).atStartOfDay(Columns.LOCAL).toOffsetDateTime();
    List<Task> tasks = warehouse.query("""
        SELECT * FROM tasks WHERE ward_code = $1 AND officer_id = $2
          AND started_at < $4 AND (ended_at IS NULL OR ended_at >= $3)
        ORDER BY started_at, dossier_id""", row -> new Task(row.getString("dossier_id"), row.getString("step"),
        Columns.instant(row, "started_at"), Columns.instant(row, "ended_at"),
        Columns.nullableDouble(row, "office_hours"), Columns.instant(row, "step_due_at"),
        row.getString("step_verdict")), wardCode, officerId, from, to);
    List<LateDossier> late = warehouse.query("""
        SELECT dossier_id, procedure_code, due_date, became_overdue_at, verdict FROM %s
        WHERE ward_code = ? AND late_officer_id = ? AND became_overdue_at IS NOT NULL
        ORDER BY became_overdue_at DESC, dossier_id""".formatted(WardWeekTables.everOverdueDossiers(warehouse)),
        row -> new LateDossier(row.getString(1), row.getString(2), Columns.date(row, "due_date"),
            Columns.instant(row, "became_overdue_at"), row.getString(5)), wardCode, officerId);
    String role = warehouse.queryFirst("SELECT role FROM officers WHERE officer_id = ?", row -> row.getString(1),
        officerId).orElse(null);
    return new OfficerView(warehouse.versionId(), unit, shownId, name, role, week, weeks, tasks, late);
  }
}
