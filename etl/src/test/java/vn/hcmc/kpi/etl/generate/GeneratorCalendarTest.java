package vn.hcmc.kpi.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.clock.WorkingCalendar;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;

/** Counter intake follows office hours, Saturday service hours, Sundays and holidays (Tết 2026). */
class GeneratorCalendarTest {

  private static final List<String> UNITS = Gen.everyKth(6); // 28 units
  private static final LocalTime OPEN = LocalTime.of(7, 30);
  private static final LocalTime NOON_CLOSE = LocalTime.of(11, 30);
  private static final LocalTime CLOSE = LocalTime.of(17, 0);

  @Test
  void counterAndPostIntakeOnlyInOfficeOrSaturdayServiceHours() {
    // New Year make-up Saturday (10 Jan) and Tết (16–20 Feb) inside the range
    Gen.Run run = Gen.run(UNITS, "2026-01-01", "2026-02-28", 42);
    WorkingCalendar cal = Gen.REF.calendar(null);
    Set<LocalDate> saturdaysSeen = new HashSet<>();
    Map<LocalDate, Integer> online = new HashMap<>();
    int counter = 0;
    for (LogEvent e : run.rows()) {
      if (e.type() != EventType.RECEIVED) continue;
      LocalDateTime t = e.occurredLocal();
      LocalDate d = t.toLocalDate();
      if (e.channel() == Channel.ONLINE) { online.merge(d, 1, Integer::sum); continue; }
      counter++;
      String where = e.dossierId() + " " + e.channel() + " at " + t;
      assertFalse(d.getDayOfWeek() == DayOfWeek.SUNDAY, "Sunday: " + where);
      assertFalse(d.getDayOfWeek().getValue() <= 5 && !cal.isWorkingDay(d), "holiday: " + where);
      assertFalse(!t.toLocalTime().isBefore(LocalTime.of(11, 30)) && t.toLocalTime().isBefore(LocalTime.of(13, 0)),
          "lunch break: " + where);
      assertTrue(!t.toLocalTime().isBefore(OPEN) && t.toLocalTime().isBefore(CLOSE), "outside 07:30–17:00: " + where);
      if (!cal.isWorkingDay(d)) { // a Saturday that is not a make-up working day: service hours only
        assertEquals(DayOfWeek.SATURDAY, d.getDayOfWeek(), where);
        assertEquals(Channel.COUNTER, e.channel(), "no postal intake on Saturday: " + where);
        assertTrue(Gen.GENERATOR.profile(e.wardCode(), 42, 1.0).saturdayCounter(), "unit without Saturday hours: " + where);
        assertTrue(t.toLocalTime().isBefore(NOON_CLOSE), "Saturday afternoon: " + where);
        assertTrue(cal.isWorkingDay(d.minusDays(1)), "Saturday after a holiday: " + where);
        saturdaysSeen.add(d);
      }
    }
    assertTrue(counter > 10_000, "counter dossiers " + counter);
    assertTrue(saturdaysSeen.contains(LocalDate.parse("2026-01-17")), "Saturday-morning service seen: " + saturdaysSeen);
    assertFalse(saturdaysSeen.contains(LocalDate.parse("2026-02-21")), "closed on the Saturday of Tết");
    long makeUpSaturdayAfternoon = run.rows().stream().filter(e -> e.type() == EventType.RECEIVED
        && e.channel() == Channel.COUNTER && e.occurredLocal().toLocalDate().equals(LocalDate.parse("2026-01-10"))
        && e.occurredLocal().getHour() >= 13).count();
    assertTrue(makeUpSaturdayAfternoon > 50, "make-up Saturday is a full working day: " + makeUpSaturdayAfternoon);

    // Tết: only an online trickle, well below a normal weekday; the rush before Tết is busier than usual
    double tet = 0;
    for (LocalDate d = LocalDate.parse("2026-02-16"); !d.isAfter(LocalDate.parse("2026-02-20")); d = d.plusDays(1)) {
      tet += online.getOrDefault(d, 0);
    }
    double tetPerDay = tet / 5;
    double normalWeekday = (online.get(LocalDate.parse("2026-01-27")) + online.get(LocalDate.parse("2026-01-28"))) / 2.0;
    assertTrue(tetPerDay > 0, "online trickle during Tết");
    assertTrue(tetPerDay < 0.25 * normalWeekday, "Tết online " + tetPerDay + " vs weekday " + normalWeekday);
  }

  @Test
  void onlineIntakeRunsAroundTheClockButMostlyByDay() {
    Gen.Run run = Gen.run(UNITS, "2026-03-02", "2026-03-08", 42);
    int[] byHour = new int[24];
    for (LogEvent e : run.rows()) {
      if (e.type() == EventType.RECEIVED && e.channel() == Channel.ONLINE) byHour[e.occurredLocal().getHour()]++;
    }
    int evening = byHour[19] + byHour[20] + byHour[21];
    int night = byHour[1] + byHour[2] + byHour[3];
    int morning = byHour[9] + byHour[10] + byHour[11];
    assertTrue(evening > 0 && night > 0, "online at any hour");
    assertTrue(night * 5 < evening && evening < morning, "night " + night + " < evening " + evening + " < morning " + morning);
  }

  @Test
  void counterIntakePeaksMidMorningAndMidAfternoon() {
    Gen.Run run = Gen.run(UNITS, "2026-03-02", "2026-03-06", 42);
    int[] byHalfHour = new int[48];
    for (LogEvent e : run.rows()) {
      if (e.type() == EventType.RECEIVED && e.channel() == Channel.COUNTER) {
        LocalTime t = e.occurredLocal().toLocalTime();
        byHalfHour[t.getHour() * 2 + t.getMinute() / 30]++;
      }
    }
    int earlyMorning = byHalfHour[15]; // 07:30–08:00
    int midMorning = byHalfHour[19];   // 09:30–10:00
    int afterLunch = byHalfHour[26];   // 13:00–13:30
    int midAfternoon = byHalfHour[29]; // 14:30–15:00
    int lateAfternoon = byHalfHour[33]; // 16:30–17:00
    assertTrue(midMorning > 1.5 * earlyMorning, midMorning + " vs " + earlyMorning);
    assertTrue(midAfternoon > 1.3 * afterLunch, midAfternoon + " vs " + afterLunch);
    assertTrue(midAfternoon > 1.3 * lateAfternoon, midAfternoon + " vs " + lateAfternoon);
    assertEquals(0, byHalfHour[24] + byHalfHour[25], "lunch break");
  }
}
