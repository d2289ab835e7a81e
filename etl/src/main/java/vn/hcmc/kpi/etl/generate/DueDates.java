package vn.hcmc.kpi.etl.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.hcmc.kpi.etl.clock.WorkingCalendar;
import vn.hcmc.kpi.etl.clock.Zones;
import vn.hcmc.kpi.etl.reference.Procedure;

/** The statutory due date of SPEC section 4, used to plan dossiers and to write appointment dates. */
final class DueDates {
  private DueDates() {}

  /** The due instant (local): the due date at office close, or the exact instant for HOURS limits. */
  static LocalDateTime dueAt(Procedure p, LocalDateTime received, WorkingCalendar cal) {
    if (p.timeUnit() == Procedure.TimeUnit.HOURS) {
      return LocalDateTime.ofInstant(cal.addOfficeSeconds(received.atZone(Zones.LOCAL).toInstant(),
          p.timeValue() * 3600L), Zones.LOCAL);
    }
    LocalDate d = dueDate(p, received, cal);
    return d.atTime(cal.closes(d));
  }

  /** The statutory due date, by the ETL's own rule, so generated appointments agree with the clock. */
  static LocalDate dueDate(Procedure p, LocalDateTime received, WorkingCalendar cal) {
    return vn.hcmc.kpi.etl.clock.DueDates.dueDate(p, received.atZone(Zones.LOCAL).toInstant(), cal);
  }
}
