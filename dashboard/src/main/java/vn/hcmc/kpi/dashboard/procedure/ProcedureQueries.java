package vn.hcmc.kpi.dashboard.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import vn.hcmc.kpi.dashboard.officer.OfficerNames;
import vn.hcmc.kpi.dashboard.security.Viewer;
import vn.hcmc.kpi.dashboard.procedure.ProcedureView.Reference;
import vn.hcmc.kpi.dashboard.procedure.ProcedureView.UnitFigures;
import vn.hcmc.kpi.dashboard.procedure.ProcedureView.Week;
import vn.hcmc.kpi.dashboard.system.NotFoundException;
import vn.hcmc.kpi.dashboard.warehouse.AsOf;
import vn.hcmc.kpi.dashboard.warehouse.Columns;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;
import vn.hcmc.kpi.dashboard.ward.Unit;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.ProcedureRow;
import vn.hcmc.kpi.dashboard.ward.WardWeeklyQueries;

/** Reads the procedure view from {@code procedure_weekly}, {@code procedures} and {@code dossiers}. */
final class ProcedureQueries {

  private ProcedureQueries() {
  }

  /**
   * @param weekStart null: the unit's last week with figures for the procedure. Computed once per
   *     version, viewer role and unit, parameters and language (see {@link Snapshot#cached}).
   */
  static ProcedureView view(Snapshot warehouse, OfficerNames officerNames, String wardCode, String procedureCode,
      LocalDate weekStart, Locale locale) {
    if (weekStart != null) {
      WardWeeklyQueries.requireMonday(weekStart);
    }
    Viewer viewer = Viewer.current();
    viewer.requireUnit(wardCode);
    return warehouse.cached(Arrays.asList("procedure", viewer.role(), viewer.unit(), wardCode, procedureCode,
        weekStart, locale.toLanguageTag()),
        () -> compute(warehouse, officerNames, wardCode, procedureCode, weekStart, locale));
  }

  private static ProcedureView compute(Snapshot warehouse, OfficerNames officerNames, String wardCode,
      String procedureCode, LocalDate weekStart, Locale locale) {
    Unit unit = WardWeeklyQueries.unit(warehouse, wardCode);
    String name = WardWeekTables.procedureNameColumn(locale);
    Reference reference = warehouse.queryFirst("""
        SELECT procedure_code, coalesce(%s, name_vi, procedure_code), field, time_value, time_unit,
               same_day_cutoff, clock_rule
        FROM procedures WHERE procedure_code = ?""".formatted(name), row -> new Reference(row.getString(1),
        row.getString(2), row.getString(3), (Integer) row.getObject(4), row.getString(5), row.getString(6),
        row.getString(7)), procedureCode)
        .orElse(new Reference(procedureCode, procedureCode, null, null, null, null, null));
    List<Week> weeks = warehouse.query("""
        SELECT * FROM procedure_weekly WHERE ward_code = ? AND procedure_code = ? ORDER BY week_start""",
        row -> new Week(Columns.date(row, "week_start"), row.getBoolean("partial"), figures(row, reference.name())),
        wardCode, procedureCode);
    if (weeks.isEmpty()) {
      throw new NotFoundException("procedure.noData", reference.name(), unit.name());
    }
    LocalDate week = weekStart != null ? weekStart : weeks.get(weeks.size() - 1).weekStart();
    List<UnitFigures> others = warehouse.query("""
        SELECT p.*, coalesce(u.name, p.ward_code) AS unit_name FROM procedure_weekly p
        LEFT JOIN units u ON u.unit_code = p.ward_code
        WHERE p.procedure_code = ? AND p.week_start = ? ORDER BY p.on_time_rate DESC NULLS LAST, p.ward_code""",
        row -> new UnitFigures(row.getString("ward_code"), row.getString("unit_name"), figures(row, reference.name())),
        procedureCode, week);
    Instant judgedAt = AsOf.judgedAt(AsOf.of(warehouse), week);
    return new ProcedureView(warehouse.versionId(), unit, week, reference, weeks, others,
        WardWeekTables.overdue(warehouse, officerNames.ofUnit(warehouse, wardCode), wardCode, judgedAt, locale)
            .stream().filter(d -> procedureCode.equals(d.procedureCode())).toList());
  }

  private static ProcedureRow figures(ResultSet row, String name) throws SQLException {
    return new ProcedureRow(row.getString("procedure_code"), name, row.getLong("received"), row.getLong("resolved"),
        row.getLong("early"), row.getLong("on_time"), row.getLong("late"), Columns.nullableDouble(row, "on_time_rate"),
        row.getLong("open_end"), row.getLong("open_overdue_end"), Columns.nullableDouble(row, "resolution_days_median"),
        Columns.nullableDouble(row, "resolution_days_p90"), Columns.nullableDouble(row, "supplement_rate"),
        Columns.nullableDouble(row, "online_share"), row.getLong("withdrawn"), row.getLong("rejected"));
  }
}
