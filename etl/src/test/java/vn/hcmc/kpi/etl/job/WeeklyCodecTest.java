package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.dossier.FoldResult;
import vn.hcmc.kpi.etl.dossier.OfficerFact;
import vn.hcmc.kpi.etl.dossier.WeekFact;

/** A figures-only run's weekly bytes give back the rows, and the weekly sums the full encoding gives. */
class WeeklyCodecTest {

  static FoldResult weekly(List<WeekFact> weeks, List<OfficerFact> officers) {
    FoldResult r = FoldCodecTest.sample();
    return new FoldResult(r.facts(), r.events(), r.eventAfterHours(), r.tasks(), r.pauses(), r.anomalies(), weeks,
        officers, 0);
  }

  /** Random contributions of one dossier: a ward, one or two procedures, up to 12 officers (more than 8 strings). */
  static FoldResult random(Random random) {
    String ward = random.nextInt(10) == 0 ? "phường Bến Thành" : "2" + (6700 + random.nextInt(100));
    List<WeekFact> weeks = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      int[] v = new int[19];
      for (int k = 0; k < v.length; k++) v[k] = random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(3);
      Integer days = random.nextBoolean() ? null : random.nextInt(40) - 5;
      String procedure = random.nextInt(8) == 0 ? null : "1.00" + random.nextInt(2);
      weeks.add(new WeekFact(ward, procedure, LocalDate.of(2025, 11, 24).plusWeeks(random.nextInt(60)), v[0], v[1], v[2],
          v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], days, v[14], v[15], v[16], v[17], v[18]));
    }
    List<OfficerFact> officers = new ArrayList<>();
    for (int i = random.nextInt(14); i > 0; i--) {
      int[] v = new int[8];
      for (int k = 0; k < v.length; k++) v[k] = random.nextInt(6) == 0 ? -random.nextInt(1000) : random.nextInt(4);
      Double hours = random.nextBoolean() ? null : random.nextInt(9) == 0 ? Double.NaN : random.nextDouble() * 30;
      officers.add(new OfficerFact(ward, "CB-" + random.nextInt(12), LocalDate.of(2025, 11, 24)
          .plusWeeks(random.nextInt(60)).plusDays(random.nextInt(20) == 0 ? 2 : 0), v[0], v[1], hours, v[2], v[3], v[4],
          v[5], v[6], v[7]));
    }
    return weekly(weeks, officers);
  }

  @Test
  void rowsComeBackAsTheyWent() {
    FoldResult sample = FoldCodecTest.sample(); // a week start of 1969 (not a Monday), NaN hours, negative figures
    FoldResult back = WeeklyCodec.decoded(WeeklyCodec.encode(sample));
    assertEquals(sample.weeks(), back.weeks());
    assertEquals(sample.officers(), back.officers());
    Random random = new Random(15);
    for (int i = 0; i < 2_000; i++) {
      FoldResult r = random(random);
      back = WeeklyCodec.decoded(WeeklyCodec.encode(r));
      assertEquals(r.weeks(), back.weeks());
      assertEquals(r.officers(), back.officers());
    }
  }

  @Test
  void sumsEqualThoseOfTheFullEncoding() {
    Random random = new Random(4);
    WeeklyFigures.Partial full = new WeeklyFigures.Partial();
    WeeklyFigures.Partial compact = new WeeklyFigures.Partial();
    for (int i = 0; i < 3_000; i++) {
      FoldResult r = random(random);
      full.add(FoldCodec.encode(r), null);
      WeeklyCodec.decode(WeeklyCodec.encode(r), compact);
    }
    Instant asOf = Instant.parse("2026-06-03T10:00:00Z");
    assertSameRows(WeeklyFigures.officerWeekly(full), WeeklyFigures.officerWeekly(compact));
    assertSameRows(WeeklyFigures.wardWeekly(full, asOf), WeeklyFigures.wardWeekly(compact, asOf));
    assertSameRows(WeeklyFigures.procedureWeekly(full, asOf), WeeklyFigures.procedureWeekly(compact, asOf));
    assertTrue(WeeklyFigures.officerWeekly(full).size() > 100, "enough groups to mean something");
  }

  private static void assertSameRows(List<Row> expected, List<Row> actual) {
    assertEquals(expected.size(), actual.size());
    assertEquals(new HashSet<>(expected), new HashSet<>(actual));
  }

  @Test
  void wardHashIsTheFirstRowsWardWhicheverSectionHoldsIt() {
    FoldResult r = FoldCodecTest.sample();
    int ward = WeeklyCodec.wardHash(WeeklyCodec.encode(r));
    assertEquals(Arrays.hashCode("26782".getBytes(StandardCharsets.UTF_8)), ward);
    assertEquals(ward, WeeklyCodec.wardHash(WeeklyCodec.encode(weekly(List.of(), r.officers()))));
    assertTrue(WeeklyCodec.hasRows(WeeklyCodec.encode(weekly(List.of(), r.officers()))));
    assertTrue(WeeklyCodec.hasRows(WeeklyCodec.encode(weekly(r.weeks(), List.of()))));
    byte[] none = WeeklyCodec.encode(weekly(List.of(), List.of()));
    assertEquals(0, WeeklyCodec.wardHash(none));
    assertFalse(WeeklyCodec.hasRows(none));
    assertTrue(WeeklyCodec.encode(r).length < FoldCodec.encode(weekly(r.weeks(), r.officers())).length / 2,
        "the weekly bytes are a fraction of the full encoding");
  }
}
