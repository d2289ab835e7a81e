package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.dossier.Anomaly;
import vn.hcmc.kpi.etl.dossier.DossierFacts;
import vn.hcmc.kpi.etl.dossier.FoldResult;
import vn.hcmc.kpi.etl.dossier.OfficerFact;
import vn.hcmc.kpi.etl.dossier.PauseInterval;
import vn.hcmc.kpi.etl.dossier.Task;
import vn.hcmc.kpi.etl.dossier.Verdict;
import vn.hcmc.kpi.etl.dossier.WeekFact;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;

/** The fold's bytes decode to exactly the rows the clock produced, section by section. */
class FoldCodecTest {

  static final Instant T0 = Instant.parse("2026-01-05T01:30:00.123456Z");

  static FoldResult sample() {
    String long1 = "chi tiết ".repeat(20_000); // longer than writeUTF's 64 KB
    LogEvent received = new LogEvent("E1", "HS-01", "26782", "1.001", EventType.RECEIVED, T0, "CB-9",
        "tiếp nhận", Channel.COUNTER, null, long1, "events-2026-W02.csv", 2L);
    LogEvent done = new LogEvent("E2", "HS-01", "26782", null, EventType.COMPLETED,
        Instant.ofEpochSecond(-1, 999_999_999), "CB-9", null, null, T0.plusSeconds(86_400), "", "events-2026-W02.csv",
        Long.MAX_VALUE);
    DossierFacts facts = new DossierFacts("HS-01", "26782", "1.001", "COUNTER", T0, LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 1, 8), null, "COMPLETED", -5L, 0, true, Verdict.ON_TIME, null, Integer.MIN_VALUE,
        Integer.MAX_VALUE, null, T0, null, "CALENDAR", "PROCEDURE", null, "CB-9", 2);
    return new FoldResult(facts, List.of(received, done), List.of(false, true),
        List.of(new Task("26782", "HS-01", "CB-9", "thẩm định", T0, null, 1.5, null, "ON_TIME")),
        List.of(new PauseInterval("26782", "HS-01", T0, null, T0.plusSeconds(1), Long.MIN_VALUE)),
        List.of(new Anomaly("HS-01", "26782", "X", null)),
        List.of(new WeekFact("26782", "1.001", LocalDate.of(2026, 1, 5), 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0,
            null, 0, 0, 0, 2, 1)),
        List.of(new OfficerFact("26782", "CB-9", LocalDate.of(1969, 12, 31), 1, 1, Double.NaN, 0, 0, 0, 0, 2, -1)),
        3);
  }

  /** The tables read the internal rows straight from the bytes: they must equal what createDataFrame makes of the Rows. */
  @Test
  void internalRowsAreWhatCreateDataFrameMakesOfTheRows() {
    org.apache.spark.sql.SparkSession spark = TestSpark.get();
    List<byte[]> folds = List.of(FoldCodec.encode(sample()), FoldCodec.encode(sample()));
    org.apache.spark.api.java.JavaRDD<byte[]> rdd =
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(folds, 2);
    for (FoldCodec.Section s : FoldCodec.Section.values()) {
      List<Row> rows = new ArrayList<>();
      for (byte[] b : folds) FoldCodec.rows(b, s).forEachRemaining(rows::add);
      List<Row> viaRows = spark.createDataFrame(rows, s.schema).collectAsList();
      List<Row> viaInternal = KpiJob.section(rdd, s).collectAsList();
      assertEquals(viaRows, viaInternal, s.name());
      assertEquals(s.schema, KpiJob.section(rdd, s).schema(), s.name());
    }
  }

  @Test
  void everySectionRoundTrips() {
    FoldResult r = sample();
    byte[] bytes = FoldCodec.encode(r);
    assertEquals(3, FoldCodec.duplicates(bytes));
    assertTrue(FoldCodec.hasFacts(bytes));
    for (FoldCodec.Section s : FoldCodec.Section.values()) {
      List<Object[]> expected = Rows.values(r, s);
      List<Row> decoded = new ArrayList<>();
      FoldCodec.rows(bytes, s).forEachRemaining(decoded::add);
      assertEquals(expected.size(), decoded.size(), s.name());
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(expected.get(i), values(decoded.get(i)), s + " row " + i);
      }
    }
    // the events section is where the inherited procedure code and the week start come from
    Row second = FoldCodec.rows(bytes, FoldCodec.Section.EVENTS).next();
    assertEquals("1.001", second.getString(3));
  }

  @Test
  void aDossierWithoutFactsHasNoDossierRow() {
    FoldResult r = new FoldResult(null, List.of(), List.of(), List.of(), List.of(),
        List.of(new Anomaly("HS-02", "27460", "NO_RECEIVED", "d")), List.of(), List.of(), 0);
    byte[] bytes = FoldCodec.encode(r);
    assertFalse(FoldCodec.hasFacts(bytes));
    assertFalse(FoldCodec.rows(bytes, FoldCodec.Section.FACTS).hasNext());
    Iterator<Row> anomalies = FoldCodec.rows(bytes, FoldCodec.Section.ANOMALIES);
    assertEquals("NO_RECEIVED", anomalies.next().getString(2));
    assertFalse(anomalies.hasNext());
  }

  @Test
  void corruptBytesFailLoudly() {
    byte[] bytes = FoldCodec.encode(sample());
    // the INHERITED section says which events had no procedure code in the log: "01", a tagged string
    // at its end; after it comes the empty REJECTS section (a 4-byte length and a 1-byte row count)
    assertEquals("01", FoldCodec.rows(bytes, FoldCodec.Section.INHERITED).next().getString(0));
    bytes[bytes.length - 5 - 4] = 42; // its tag
    assertThrows(IllegalStateException.class,
        () -> FoldCodec.rows(bytes, FoldCodec.Section.INHERITED).forEachRemaining(r -> { }));
  }

  @Test
  void dossierIdIsTheFirstEventsEvenWhenItEqualsTheEventId() {
    assertEquals("HS-01", FoldCodec.dossierId(FoldCodec.encode(sample())));
    // an event id equal to the dossier id: the dossier id is then a reference to the string before it
    LogEvent same = new LogEvent("HS-07", "HS-07", "26782", null, EventType.RECEIVED, T0, null, null, null, null,
        null, "f.csv", 2L);
    FoldResult r = new FoldResult(null, List.of(same), List.of(false), List.of(), List.of(), List.of(), List.of(),
        List.of(), 0);
    byte[] bytes = FoldCodec.encode(r);
    assertEquals(FoldCodec.rows(bytes, FoldCodec.Section.EVENTS).next().getString(1), FoldCodec.dossierId(bytes));
    assertEquals("HS-07", FoldCodec.dossierId(bytes));
  }

  @Test
  void lastEventIsTheLatestEventsTimeWeekAndType() {
    byte[] bytes = FoldCodec.encode(sample());
    // "done" is at 1969-12-31T23:59:59.999999999Z, before T0: the received event is the last
    assertArrayEquals(new Object[] {T0, LocalDate.of(2026, 1, 5), "RECEIVED"}, FoldCodec.lastEvent(bytes));
  }

  @Test
  void weeklyContributionsAreTheWeeksAndOfficersSectionsOnly() {
    FoldResult r = sample();
    byte[] bytes = FoldCodec.encode(r);
    // other sections changed (no events, tasks or pauses): the same contributions
    FoldResult lessElse = new FoldResult(r.facts(), List.of(), List.of(), List.of(), List.of(), r.anomalies(),
        r.weeks(), r.officers(), 0);
    assertArrayEquals(FoldCodec.weeklyContributions(bytes), FoldCodec.weeklyContributions(FoldCodec.encode(lessElse)));
    // one officer figure changed: other contributions
    OfficerFact o = r.officers().get(0);
    FoldResult otherOfficer = new FoldResult(r.facts(), r.events(), r.eventAfterHours(), r.tasks(), r.pauses(),
        r.anomalies(), r.weeks(), List.of(new OfficerFact(o.wardCode(), o.officerId(), o.weekStart(), 2, 1, Double.NaN,
            0, 0, 0, 0, 2, -1)), 3);
    assertFalse(java.util.Arrays.equals(FoldCodec.weeklyContributions(bytes),
        FoldCodec.weeklyContributions(FoldCodec.encode(otherOfficer))));
    // no weeks at all: still two (empty) sections, unlike any dossier with weeks
    FoldResult none = new FoldResult(r.facts(), r.events(), r.eventAfterHours(), r.tasks(), r.pauses(), r.anomalies(),
        List.of(), List.of(), 3);
    assertEquals(2 * (4 + 1), FoldCodec.weeklyContributions(FoldCodec.encode(none)).length);
  }

  private static Object[] values(Row row) {
    Object[] v = new Object[row.length()];
    for (int i = 0; i < v.length; i++) v[i] = row.get(i);
    return v;
  }
}
