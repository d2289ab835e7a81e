package vn.hcmc.kpi.etl.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.reference.ReferenceData;

class WorkingCalendarTest {
  final WorkingCalendar cal = ReferenceData.defaults().calendar("26782");

  static LocalDate d(String s) { return LocalDate.parse(s); }
  static Instant t(String local) { return LocalDateTime.parse(local).atZone(Zones.LOCAL).toInstant(); }

  @Test
  void holidaysWeekendsAndMakeUpDays() {
    assertFalse(cal.isWorkingDay(d("2026-01-01")), "New Year");
    assertFalse(cal.isWorkingDay(d("2026-01-02")), "swapped day off");
    assertTrue(cal.isWorkingDay(d("2026-01-10")), "make-up Saturday");
    assertFalse(cal.isWorkingDay(d("2026-01-17")), "ordinary Saturday");
    assertFalse(cal.isWorkingDay(d("2026-02-18")), "Tết");
    assertTrue(cal.isWorkingDay(d("2026-02-23")));
  }

  @Test
  void addingWorkingDaysSkipsTetAndCountsMakeUpSaturday() {
    assertEquals(d("2026-02-23"), cal.addWorkingDays(d("2026-02-13"), 1), "Friday before Tết + 1");
    assertEquals(d("2026-01-05"), cal.addWorkingDays(d("2025-12-31"), 1), "over New Year and the weekend");
    assertEquals(d("2026-01-10"), cal.addWorkingDays(d("2026-01-09"), 1), "Friday + 1 is the make-up Saturday");
    assertEquals(d("2026-01-12"), cal.addWorkingDays(d("2026-01-09"), 2));
    assertEquals(d("2026-01-09"), cal.addWorkingDays(d("2026-01-09"), 0));
    assertEquals(3, cal.workingDaysBetween(d("2026-01-08"), d("2026-01-12")), "9, 10 (make-up), 12");
  }

  @Test
  void receiptDayFollowsOfficeClose() {
    assertEquals(d("2026-01-05"), cal.receiptDay(t("2026-01-05T16:59:59")));
    assertEquals(d("2026-01-06"), cal.receiptDay(t("2026-01-05T17:00:00")), "17:00:00 is not before close");
    assertEquals(d("2026-02-23"), cal.receiptDay(t("2026-02-14T10:00:00")), "Saturday in Tết week");
    assertEquals(d("2026-01-10"), cal.receiptDay(t("2026-01-10T08:00:00")), "make-up Saturday is a working day");
    assertEquals(d("2026-01-05"), cal.receiptDay(t("2026-01-05T06:00:00")), "before opening counts that day");
  }

  @Test
  void officeHoursSkipLunchNightsAndDaysOff() {
    assertEquals(3 * 3600, cal.officeSecondsBetween(t("2026-01-05T09:30:00"), t("2026-01-05T14:00:00")));
    assertEquals(0, cal.officeSecondsBetween(t("2026-01-03T08:00:00"), t("2026-01-04T18:00:00")), "weekend");
    assertEquals(8 * 3600, cal.officeSecondsBetween(t("2026-01-10T00:00:00"), t("2026-01-11T00:00:00")), "make-up Sat");
    assertEquals(t("2026-01-06T09:30:00"), cal.addOfficeSeconds(t("2026-01-05T19:00:00"), 2 * 3600));
    assertEquals(t("2026-01-05T13:15:00"), cal.addOfficeSeconds(t("2026-01-05T11:00:00"), 2700), "lunch is skipped");
    assertTrue(cal.isOfficeTime(t("2026-01-05T07:30:00")));
    assertFalse(cal.isOfficeTime(t("2026-01-05T11:30:00")));
    assertFalse(cal.isOfficeTime(t("2026-01-05T17:00:00")));
  }
}
