package vn.hcmc.kpi.etl.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.hcmc.kpi.etl.reference.Procedure;

/**
 * The statutory due date (SPEC 4) of a dossier received at an instant, when the receipt
 * carries no appointment date.
 */
public final class DueDates {
  private DueDates() {}

  public static LocalDate dueDate(Procedure p, Instant receivedAt, WorkingCalendar cal) {
    LocalDateTime local = WorkingCalendar.local(receivedAt);
    LocalDate receiptDay = cal.receiptDay(local);
    int n = p.timeValue();
    return switch (p.timeUnit()) {
      // received on the receipt day at or after the cut-off: due the next working day
      case SAME_DAY -> local.toLocalDate().equals(receiptDay) && !local.toLocalTime().isBefore(p.sameDayCutoff())
          ? cal.nextWorkingDay(receiptDay) : receiptDay;
      case WORKING_DAYS -> cal.addWorkingDays(receiptDay, n);
      case DAYS -> cal.workingDayOnOrAfter(receiptDay.plusDays(n));
      case MONTHS -> cal.workingDayOnOrAfter(receiptDay.plusMonths(n));
      case HOURS -> WorkingCalendar.local(cal.addOfficeSeconds(receivedAt, n * 3600L)).toLocalDate();
    };
  }
}
