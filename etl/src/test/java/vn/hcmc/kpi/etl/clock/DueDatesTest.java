package vn.hcmc.kpi.etl.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.reference.Procedure;
import vn.hcmc.kpi.etl.reference.Procedure.ClockRule;
import vn.hcmc.kpi.etl.reference.Procedure.TimeUnit;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/** Worked examples for every time-limit unit (docs/kpi-rules.md repeats them in words). */
class DueDatesTest {
  final WorkingCalendar cal = ReferenceData.defaults().calendar("26782");

  static Procedure proc(int n, TimeUnit unit) {
    return new Procedure("X", "x", "x", "x", n, unit, LocalTime.of(15, 0), ClockRule.PAUSE, 0);
  }

  static Instant t(String local) { return LocalDateTime.parse(local).atZone(Zones.LOCAL).toInstant(); }

  LocalDate due(int n, TimeUnit unit, String receivedLocal) { return DueDates.dueDate(proc(n, unit), t(receivedLocal), cal); }

  @Test
  void sameDayCutOff() {
    assertEquals(LocalDate.parse("2026-01-05"), due(0, TimeUnit.SAME_DAY, "2026-01-05T14:59:59"));
    assertEquals(LocalDate.parse("2026-01-06"), due(0, TimeUnit.SAME_DAY, "2026-01-05T15:00:00"));
    assertEquals(LocalDate.parse("2026-02-23"), due(0, TimeUnit.SAME_DAY, "2026-02-13T15:30:00"), "after cut-off before Tết");
    assertEquals(LocalDate.parse("2026-01-05"), due(0, TimeUnit.SAME_DAY, "2026-01-03T16:00:00"),
        "received on Saturday: the cut-off applies only on the receipt day");
    assertEquals(LocalDate.parse("2026-01-06"), due(0, TimeUnit.SAME_DAY, "2026-01-05T17:30:00"), "after close");
  }

  @Test
  void workingDays() {
    // 27 Apr (compensatory), 30 Apr and 1 May 2026 are holidays
    assertEquals(LocalDate.parse("2026-05-04"), due(3, TimeUnit.WORKING_DAYS, "2026-04-24T10:00:00"));
    assertEquals(LocalDate.parse("2026-01-12"), due(2, TimeUnit.WORKING_DAYS, "2026-01-09T10:00:00"), "make-up Saturday counts");
  }

  @Test
  void calendarDaysMoveOffHolidaysAndWeekends() {
    assertEquals(LocalDate.parse("2026-05-04"), due(15, TimeUnit.DAYS, "2026-04-15T09:00:00"), "lands on 30 Apr");
    assertEquals(LocalDate.parse("2026-03-23"), due(20, TimeUnit.DAYS, "2026-03-02T09:00:00"), "lands on a Sunday");
  }

  @Test
  void monthsAtMonthEnd() {
    assertEquals(LocalDate.parse("2026-03-02"), due(1, TimeUnit.MONTHS, "2026-01-30T09:00:00"), "31 Feb → 28 Feb (Sat) → Mon");
    assertEquals(LocalDate.parse("2026-05-04"), due(1, TimeUnit.MONTHS, "2026-03-31T09:00:00"), "30 Apr is a holiday");
  }

  @Test
  void officeHoursAcrossLunchNightsAndMakeUpDays() {
    assertEquals(LocalDate.parse("2026-01-05"), due(4, TimeUnit.HOURS, "2026-01-05T10:00:00"), "ends 15:30 the same day");
    assertEquals(LocalDate.parse("2026-01-06"), due(8, TimeUnit.HOURS, "2026-01-05T16:00:00"), "ends 16:00 next day");
    assertEquals(LocalDate.parse("2026-01-10"), due(8, TimeUnit.HOURS, "2026-01-09T16:00:00"), "ends on the make-up Saturday");
    assertEquals(LocalDate.parse("2026-01-06"), due(2, TimeUnit.HOURS, "2026-01-05T19:00:00"), "starts next opening");
  }
}
