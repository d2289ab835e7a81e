package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import vn.hcmc.kpi.etl.dossier.FoldResult;
import vn.hcmc.kpi.etl.dossier.OfficerFact;
import vn.hcmc.kpi.etl.dossier.WeekFact;
import vn.hcmc.kpi.etl.model.LogEvent;

/** Which (unit, week) groups an incremental run aggregates again: those where a dossier's contributions changed. */
class WeeklyDeltaTest {

  static final LocalDate W1 = LocalDate.of(2026, 1, 5), W2 = LocalDate.of(2026, 1, 12);

  static WeekFact week(String ward, LocalDate start, int received) {
    return new WeekFact(ward, "1.001", start, received, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 2, 1);
  }

  static OfficerFact officer(String ward, LocalDate start, int events) {
    return new OfficerFact(ward, "CB-1", start, 1, 0, null, 0, 0, 0, 0, events, 0);
  }

  static byte[] fold(List<WeekFact> weeks, List<OfficerFact> officers) { return fold("HS-01", weeks, officers); }

  /** The sample dossier's fold output (FoldCodecTest), under another id and with these contributions. */
  static byte[] fold(String id, List<WeekFact> weeks, List<OfficerFact> officers) {
    FoldResult r = FoldCodecTest.sample();
    List<LogEvent> events = r.events().stream().map(e -> new LogEvent(e.eventId(), id, e.wardCode(), e.procedureCode(),
        e.type(), e.occurredAt(), e.officerId(), e.step(), e.channel(), e.dueAt(), e.detail(), e.source(), e.line()))
        .toList();
    return FoldCodec.encode(new FoldResult(r.facts(), events, r.eventAfterHours(), r.tasks(), r.pauses(),
        r.anomalies(), weeks, officers, 0));
  }

  static Set<String> groups(List<Tuple2<String, LocalDate>> changed) {
    Set<String> out = new TreeSet<>();
    for (Tuple2<String, LocalDate> t : changed) out.add(t._1() + " " + t._2());
    return out;
  }

  @Test
  void onlyTheWeeksWhoseRowsChangedNotEveryWeekOfTheDossier() {
    byte[] before = fold(List.of(week("A", W1, 1), week("A", W2, 0)), List.of(officer("A", W1, 2)));
    byte[] after = fold(List.of(week("A", W1, 1), week("A", W2, 1)), List.of(officer("A", W1, 2)));
    assertEquals(Set.of("A 2026-01-12"), groups(WeeklyDelta.changedRows(before, after)));
  }

  @Test
  void anOfficerRowThatMovesChangesBothGroups() {
    byte[] before = fold(List.of(week("A", W1, 1)), List.of(officer("A", W1, 2)));
    byte[] after = fold(List.of(week("A", W1, 1)), List.of(officer("B", W2, 2)));
    assertEquals(Set.of("A 2026-01-05", "B 2026-01-12"), groups(WeeklyDelta.changedRows(before, after)));
  }

  @Test
  void aNewDossierChangesEveryGroupItContributesToAndAnUnchangedOneNone() {
    byte[] after = fold(List.of(week("A", W1, 1), week("A", W2, 0)), List.of(officer("B", W2, 1)));
    assertEquals(Set.of("A 2026-01-05", "A 2026-01-12", "B 2026-01-12"), groups(WeeklyDelta.changedRows(null, after)));
    assertEquals(Set.of(), groups(WeeklyDelta.changedRows(after, after.clone())));
  }

  @Test
  void theSameRowsInAnotherOrderAreNoChange() {
    byte[] before = fold(List.of(week("A", W1, 1), week("A", W2, 0)), List.of());
    byte[] after = fold(List.of(week("A", W2, 0), week("A", W1, 1)), List.of());
    assertEquals(Set.of(), groups(WeeklyDelta.changedRows(before, after)));
  }

  @Test
  void acrossDossiersTheJoinFindsChangedAndNewDossiers() {
    var spark = TestSpark.get();
    var sc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
    byte[] same = fold(List.of(week("A", W1, 1)), List.of());
    byte[] was = fold("HS-02", List.of(week("B", W1, 1)), List.of());
    byte[] is = fold("HS-02", List.of(week("B", W1, 2)), List.of());
    byte[] fresh = fold("HS-03", List.of(week("C", W2, 1)), List.of());
    assertEquals(Set.of("B 2026-01-05", "C 2026-01-12"), groups(WeeklyDelta.changedUnitWeeks(
        sc.parallelize(List.of(same, was)), sc.parallelize(List.of(is, same.clone(), fresh)))));
  }
}
