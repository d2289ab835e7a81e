package vn.hcmc.kpi.etl.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/** The arithmetic local days and times of day agree with java.time's zone rules, before and after 1975. */
class ZonesTest {

  @Test
  void hoChiMinhCityIsUtcPlusSevenSince1975() {
    assertEquals(7 * 3600, Zones.FIXED_OFFSET_SECONDS);
    assertTrue(Zones.fixed(Instant.parse("1976-01-01T00:00:00Z").getEpochSecond()));
    assertTrue(!Zones.fixed(Instant.parse("1960-01-01T00:00:00Z").getEpochSecond()), "offsets changed before 1975");
  }

  @Test
  void localDaysTimesAndMidnightsMatchTheZoneRules() {
    Random random = new Random(15);
    long from = Instant.parse("1940-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      // random instants, and instants near a local midnight (the edges a day must get right)
      long s = i % 2 == 0 ? from + (long) (random.nextDouble() * (to - from))
          : LocalDate.ofEpochDay(2_000 + random.nextInt(45_000)).atStartOfDay(Zones.LOCAL).toEpochSecond()
            + random.nextInt(5) - 2;
      Instant at = Instant.ofEpochSecond(s, random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000));
      LocalDateTime local = LocalDateTime.ofInstant(at, Zones.LOCAL);
      assertEquals(local.toLocalDate().toEpochDay(), Zones.localEpochDay(at), at::toString);
      assertEquals(local.toLocalTime().toNanoOfDay(), Zones.localNanoOfDay(at), at::toString);
      long day = local.toLocalDate().toEpochDay();
      assertEquals(local.toLocalDate().atStartOfDay(Zones.LOCAL).toInstant(), Zones.startOfDay(day), at::toString);
      assertEquals(local.getDayOfWeek().getValue(), Zones.dayOfWeek(day), at::toString);
    }
  }

  @Test
  void officeTimeOfAnInstantMatchesItsLocalDateTime() {
    WorkingCalendar cal = ReferenceData.defaults().calendar("26782");
    WorkingCalendar saturdays = new WorkingCalendar(java.util.Set.of(), java.util.Set.of(LocalDate.of(2026, 1, 10)),
        java.util.Map.of(2, java.util.List.of(new OfficeSession(LocalTime.of(8, 0, 30), LocalTime.of(12, 0)))));
    Random random = new Random(7);
    long from = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      // within two years, and a share exactly on a session's opening or closing
      long s = from + random.nextInt(2 * 366 * 86_400);
      Instant at = Instant.ofEpochSecond(s, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
      if (i % 4 == 0) {
        LocalTime edge = new LocalTime[] {LocalTime.of(7, 30), LocalTime.of(11, 30), LocalTime.of(13, 0),
            LocalTime.of(17, 0), LocalTime.of(8, 0, 30)}[random.nextInt(5)];
        at = LocalDateTime.of(LocalDateTime.ofInstant(at, Zones.LOCAL).toLocalDate(), edge).atZone(Zones.LOCAL)
            .toInstant().plusNanos(random.nextInt(3) - 1);
      }
      LocalDateTime local = LocalDateTime.ofInstant(at, Zones.LOCAL);
      assertEquals(cal.isOfficeTime(local), cal.isOfficeTime(at), at::toString);
      assertEquals(saturdays.isOfficeTime(local), saturdays.isOfficeTime(at), at::toString);
    }
    assertTrue(cal.isOfficeTime(Instant.parse("2026-01-05T00:30:00Z")), "Monday 07:30 local opens");
    assertTrue(!cal.isOfficeTime(Instant.parse("2026-01-05T04:30:00Z")), "Monday 11:30 local closes");
  }

  @Test
  void officeSecondsByArithmeticMatchTheDateByDateCount() {
    WorkingCalendar cal = ReferenceData.defaults().calendar("26782");
    WorkingCalendar saturdays = new WorkingCalendar(java.util.Set.of(LocalDate.of(2026, 1, 7)),
        java.util.Set.of(LocalDate.of(2026, 1, 10)), java.util.Map.of(2, java.util.List.of(
            new OfficeSession(LocalTime.of(8, 0, 30), LocalTime.of(12, 0)),
            new OfficeSession(LocalTime.of(13, 15), LocalTime.of(16, 45, 0, 500_000_000)))));
    Random random = new Random(11);
    long from = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      Instant a = Instant.ofEpochSecond(from + random.nextInt(2 * 366 * 86_400), random.nextInt(1_000_000_000));
      // spans from a second to three months, some ending on whole seconds or a nanosecond off
      long span = new long[] {1, 600, 5 * 3600, 86_400, 7 * 86_400, 90 * 86_400}[random.nextInt(6)];
      Instant b = a.plusSeconds((long) (random.nextDouble() * span)).plusNanos(random.nextInt(3) - 1);
      if (random.nextInt(5) == 0) b = Instant.ofEpochSecond(b.getEpochSecond(), a.getNano());
      assertEquals(cal.officeSecondsBetweenByDates(a, b), cal.officeSecondsBetween(a, b), a + " .. " + b);
      assertEquals(saturdays.officeSecondsBetweenByDates(a, b), saturdays.officeSecondsBetween(a, b), a + " .. " + b);
      if (b.isAfter(a)) assertEquals(0, cal.officeSecondsBetween(b, a), "an empty span: " + b + " .. " + a);
    }
    Instant monday0730 = Instant.parse("2026-01-05T00:30:00Z");
    assertEquals(8 * 3600, cal.officeSecondsBetween(monday0730, monday0730.plusSeconds(24 * 3600)), "a whole day");
    assertEquals(4 * 3600 - 1, cal.officeSecondsBetween(monday0730.plusNanos(1), monday0730.plusSeconds(4 * 3600)),
        "the morning less a nanosecond: its whole seconds");
  }
}
