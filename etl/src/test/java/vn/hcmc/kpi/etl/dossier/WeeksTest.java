package vn.hcmc.kpi.etl.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.clock.Zones;

/** Week starts and ends from the cached Mondays agree with java.time, inside and outside the cached years. */
class WeeksTest {

  @Test
  void weekStartIsTheLocalMonday() {
    assertEquals(LocalDate.of(2026, 11, 16), Weeks.weekStart(LocalDate.of(2026, 11, 22)), "Sunday");
    assertEquals(LocalDate.of(2026, 11, 23), Weeks.weekStart(LocalDate.of(2026, 11, 23)), "Monday");
    assertEquals(LocalDate.of(2026, 11, 23), Weeks.weekStart(Instant.parse("2026-11-22T17:00:00Z")),
        "Monday 00:00 in Ho Chi Minh City is Sunday 17:00 UTC");
    assertEquals(LocalDate.of(2026, 11, 16), Weeks.weekStart(Instant.parse("2026-11-22T16:59:59.999999Z")));
    assertEquals(Instant.parse("2026-11-29T16:59:59.999999Z"), Weeks.weekEnd(LocalDate.of(2026, 11, 23)));
  }

  @Test
  void matchesJavaTimeOverTwoCenturies() {
    Random random = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      LocalDate d = LocalDate.ofEpochDay(-40_000 + random.nextInt(110_000)); // 1860..2160
      LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      assertEquals(monday, Weeks.weekStart(d), d::toString);
      Instant at = d.atStartOfDay(Zones.LOCAL).toInstant().plusSeconds(random.nextInt(86_400));
      assertEquals(monday, Weeks.weekStart(at), at::toString);
      assertEquals(monday.plusDays(7).atStartOfDay(Zones.LOCAL).toInstant().minusNanos(1000), Weeks.weekEnd(monday),
          monday::toString);
    }
  }
}
