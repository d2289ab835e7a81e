package vn.hcmc.kpi.dashboard.officer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import vn.hcmc.kpi.dashboard.ward.Unit;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.OfficerRow;

/**
 * One officer within one unit: the weekly figures (all weeks with activity), with the unit's median
 * of tasks completed to compare against, the tasks of the selected week, and the dossiers whose
 * lateness is attributed to the officer. The body of {@code GET /api/wards/{wardCode}/officers/{officerId}}.
 */
public record OfficerView(String warehouseVersion, Unit unit, String officerId, String name, String role,
    LocalDate weekStart, List<Week> weeks, List<Task> tasks, List<LateDossier> lateDossiers) {

  /** {@code unitMedianTasksCompleted}: median tasks completed of the unit's active officers that week. */
  public record Week(LocalDate weekStart, OfficerRow figures, Double unitMedianTasksCompleted) {
  }

  /** A holding interval that started or ended in the selected week, or was open across it. */
  public record Task(String dossierId, String step, OffsetDateTime startedAt, OffsetDateTime endedAt,
      Double officeHours, OffsetDateTime stepDueAt, String stepVerdict) {
  }

  /** A dossier that became overdue while this officer held it ({@code dossiers.late_officer_id}). */
  public record LateDossier(String dossierId, String procedureCode, LocalDate dueDate, OffsetDateTime becameOverdueAt,
      String verdict) {
  }
}
