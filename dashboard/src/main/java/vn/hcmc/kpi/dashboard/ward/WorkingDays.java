package vn.hcmc.kpi.dashboard.ward;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;

/**
 * A unit's working days as the ETL counted them (kpi-rules 1): Monday to Friday, minus holidays, plus
 * make-up working days, from the version's {@code holidays} table (rows for every unit and the unit's
 * own). A version published before that table existed has weekends only.
 */
public final class WorkingDays {

  private final Set<LocalDate> holidays;
  private final Set<LocalDate> makeUpDays;

  WorkingDays(Set<LocalDate> holidays, Set<LocalDate> makeUpDays) {
    this.holidays = holidays;
    this.makeUpDays = makeUpDays;
  }

  public static WorkingDays of(Snapshot warehouse, String unitCode) {
    Set<LocalDate> holidays = new HashSet<>();
    Set<LocalDate> makeUp = new HashSet<>();
    if (warehouse.tables().contains("holidays")) {
      warehouse.query("SELECT date, upper(kind) FROM holidays WHERE unit_code IS NULL OR unit_code = ?", row -> {
        (row.getString(2).equals("WORKDAY") ? makeUp : holidays).add(row.getObject(1, LocalDate.class));
        return null;
      }, unitCode);
    }
    return new WorkingDays(holidays, makeUp);
  }

  public boolean isWorkingDay(LocalDate day) {
    if (makeUpDays.contains(day)) {
      return true;
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  /** The first working day after {@code day}. */
  public LocalDate nextAfter(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }
}
