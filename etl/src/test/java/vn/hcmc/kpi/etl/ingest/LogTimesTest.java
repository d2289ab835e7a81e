package vn.hcmc.kpi.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The digit-by-digit reading of the common time shape agrees with the java.time formatters. */
class LogTimesTest {

  @Test
  void epochDaysByFormulaMatchLocalDate() {
    for (long e = java.time.LocalDate.of(0, 1, 1).toEpochDay(); e <= java.time.LocalDate.of(2500, 12, 31).toEpochDay(); e++) {
      java.time.LocalDate d = java.time.LocalDate.ofEpochDay(e);
      assertEquals(e, LogTimes.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d::toString);
    }
  }

  @Test
  void commonShapesAreReadByHandWithTheFormattersAnswer() {
    String[] texts = {"2025-11-24T00:04:19+07:00", "2026-02-28T23:59:59Z", "2024-02-29T12:00:00z",
        "2026-03-02T08:15:00.5+07:00", "2026-03-02T08:15:00.123456789-05:30", "2026-12-31T23:59:59+18:00",
        "0001-01-01T00:00:00-18:00"};
    for (String t : texts) {
      Instant byHand = LogTimes.plainOffsetTime(t);
      assertNotNull(byHand, t);
      assertEquals(LogTimes.withFormatters(t), byHand, t);
    }
    assertEquals(Instant.parse("2025-11-23T17:04:19Z"), LogTimes.parseInstant("2025-11-24T00:04:19+07:00"));
  }

  @Test
  void anythingElseIsLeftToTheFormatters() {
    String[] texts = {"2026-02-29T10:00:00+07:00", "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z",
        "2026-03-02T24:00:00Z", "2026-03-02T10:60:00Z", "2026-03-02T10:00:60Z", "2026-03-02 10:00:00+07:00",
        "2026-03-02T10:00:00", "2026-03-02T10:00:00+0700", "2026-03-02T10:00:00+07:00:00",
        "2026-03-02T10:00:00+19:00", "2026-03-02T10:00:00+18:30", "2026-03-02T10:00:00.Z",
        "2026-03-02T10:00:00.1234567891Z", "2026-03-02T10:00+07:00", "2026-3-02T10:00:00Z", "x026-03-02T10:00:00Z",
        "2026-03-02T10:00:00+07:0x", "2026-03-02T10:00:00 +07:00"};
    for (String t : texts) assertNull(LogTimes.plainOffsetTime(t), t);
    assertThrows(DateTimeParseException.class, () -> LogTimes.parseInstant("2026-03-02T24:61:00+07:00"));
  }

  /** Random texts near the common shape: wherever the hand reading answers, the formatters give the same. */
  @Test
  void randomTextsNearTheShapeAgree() {
    Random random = new Random(20261201);
    String alphabet = "0123456789-:T.Z+ z";
    int byHand = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(3000),
          random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
      if (random.nextInt(4) == 0) b.append('.').append(random.nextInt(1_000_000));
      b.append(switch (random.nextInt(4)) {
        case 0 -> "Z";
        case 1 -> String.format("+%02d:%02d", random.nextInt(20), random.nextInt(61));
        case 2 -> String.format("-%02d:%02d", random.nextInt(20), random.nextInt(61));
        default -> "";
      });
      if (random.nextInt(5) == 0) b.setCharAt(random.nextInt(b.length()), alphabet.charAt(random.nextInt(alphabet.length())));
      String t = b.toString();
      Instant hand = LogTimes.plainOffsetTime(t);
      if (hand == null) continue;
      byHand++;
      Instant formatters;
      try {
        formatters = LogTimes.withFormatters(t);
      } catch (DateTimeParseException e) {
        throw new AssertionError("read by hand as " + hand + " but refused by the formatters: " + t, e);
      }
      assertEquals(formatters, hand, t);
    }
    assertTrue(byHand > 50_000, "only " + byHand + " texts were read by hand");
  }
}
