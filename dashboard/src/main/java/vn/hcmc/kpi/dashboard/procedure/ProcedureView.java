package vn.hcmc.kpi.dashboard.procedure;

import java.time.LocalDate;
import java.util.List;

import vn.hcmc.kpi.dashboard.ward.Unit;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.OverdueDossier;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.ProcedureRow;

/**
 * One procedure in one unit: its reference data, its weekly figures in the unit (all weeks with data),
 * the same procedure in the other units for the selected week, and its open overdue dossiers then.
 * The body of {@code GET /api/wards/{wardCode}/procedures/{procedureCode}}.
 */
public record ProcedureView(String warehouseVersion, Unit unit, LocalDate weekStart, Reference procedure,
    List<Week> weeks, List<UnitFigures> otherUnits, List<OverdueDossier> overdue) {

  /** A row of {@code procedures}: the time limit ({@code timeValue} {@code timeUnit}) and clock rule. */
  public record Reference(String code, String name, String field, Integer timeValue, String timeUnit,
      String sameDayCutoff, String clockRule) {
  }

  /** The unit's figures for the procedure in one week. */
  public record Week(LocalDate weekStart, boolean partial, ProcedureRow figures) {
  }

  /** Another unit's figures for the procedure in the selected week. */
  public record UnitFigures(String unitCode, String unitName, ProcedureRow figures) {
  }
}
