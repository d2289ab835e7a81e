package vn.hcmc.kpi.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A unit's rows depend on the seed, the unit and the day only. */
class GeneratorIndependenceTest {

  private static final String A = "26782";
  private static final String B = "27460";
  private static final String C = "25747";

  private static List<LogEvent> rowsOf(Gen.Run run, String unit) {
    return run.rows().stream().filter(e -> e.wardCode().equals(unit)).toList();
  }

  @Test
  void generatingOtherUnitsAlongsideDoesNotChangeAUnitsRows() {
    Gen.Run alone = Gen.run(List.of(A), "2026-01-05", "2026-01-25", 42);
    Gen.Run withOthers = Gen.run(List.of(B, A, C), "2026-01-05", "2026-01-25", 42);
    assertFalse(alone.rows().isEmpty());
    assertEquals(alone.rows(), rowsOf(withOthers, A));
    assertEquals(Gen.GENERATOR.profile(A, 42, 1.0).officers(),
        new LogGenerator(vn.hcmc.kpi.etl.reference.ReferenceData.defaults()).profile(A, 42, 1.0).officers());
    assertNotEquals(rowsOf(withOthers, B).size(), 0);
  }

  @Test
  void aLongerRangeExtendsTheSnapshotWithoutChangingThePast() {
    Gen.Run shortRun = Gen.run(List.of(A, B), "2026-01-05", "2026-01-14", 42);
    Gen.Run longRun = Gen.run(List.of(A, B), "2026-01-05", "2026-02-08", 42);
    long cut = LogEvent.localSeconds(java.time.LocalDate.parse("2026-01-15").atStartOfDay());
    assertEquals(shortRun.rows(), longRun.rows().stream().filter(e -> e.at() < cut).toList());
  }

  @Test
  void theSeedChangesEverything() {
    Gen.Run s1 = Gen.run(List.of(A), "2026-01-05", "2026-01-06", 1);
    Gen.Run s2 = Gen.run(List.of(A), "2026-01-05", "2026-01-06", 2);
    assertNotEquals(s1.rows(), s2.rows());
    assertNotEquals(Gen.GENERATOR.profile(A, 1, 1.0).officers(), Gen.GENERATOR.profile(A, 2, 1.0).officers());
  }
}
