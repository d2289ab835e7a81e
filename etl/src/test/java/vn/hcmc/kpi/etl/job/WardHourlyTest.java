package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.weekday;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.dossier.FoldResult;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;

/** ward_hourly from the fold bytes equals the same table written in Spark SQL over the decoded events. */
class WardHourlyTest {

  /** The table's definition in Spark SQL: what WardHourly computes without building the event rows. */
  static Dataset<Row> inSparkSql(Dataset<Row> events, Instant asOf) {
    return events.filter(col("occurred_at").leq(lit(java.sql.Timestamp.from(asOf))))
        .withColumn("weekday", weekday(col("occurred_at")).plus(1))
        .withColumn("hour", hour(col("occurred_at")))
        .groupBy("ward_code", "week_start", "weekday", "hour").agg(
            sum(when(col("event_type").equalTo("RECEIVED"), 1).otherwise(0)).cast("long").as("received"),
            count(lit(1)).as("events"),
            sum(when(col("event_type").equalTo("INTEGRATION_ERROR"), 1).otherwise(0)).cast("long")
                .as("integration_errors"));
  }

  static final Instant AS_OF = Instant.parse("2026-03-04T09:30:00.000001Z");

  /** Dossiers of random events around the as-of time, plus the edges: 1960s times (Saigon was +08:00), before 1970, midnights. */
  static List<byte[]> folds() {
    Random rnd = new Random(7);
    EventType[] types = EventType.values();
    List<Instant> edges = List.of(Instant.parse("1960-06-01T16:30:00Z"), Instant.parse("1969-12-31T23:59:59.999999999Z"),
        Instant.parse("1975-06-13T15:59:59Z"), Instant.parse("1975-06-13T16:00:00Z"),
        Instant.parse("2026-03-01T16:59:59.999Z"), Instant.parse("2026-03-01T17:00:00Z"), AS_OF,
        AS_OF.plusNanos(999), AS_OF.plusNanos(1_000), Instant.parse("2026-03-08T06:59:59Z"));
    List<byte[]> out = new ArrayList<>();
    for (int d = 0; d < 300; d++) {
      String ward = d % 3 == 0 ? "26782" : d % 3 == 1 ? "27460" : "Phường Mới";
      List<LogEvent> events = new ArrayList<>();
      int n = 1 + rnd.nextInt(6);
      for (int i = 0; i < n; i++) {
        Instant t = d < edges.size() && i == 0 ? edges.get(d)
            : AS_OF.minusSeconds(rnd.nextInt(40 * 86_400)).plusSeconds(rnd.nextInt(5 * 86_400)).plusNanos(rnd.nextInt(1000));
        EventType type = i == 0 ? EventType.RECEIVED : types[rnd.nextInt(types.length)];
        events.add(new LogEvent("E" + d + "-" + i, "D" + d, ward, "1.001", type, t, null, null, null, null, null,
            "f.csv", i + 2L));
      }
      List<Boolean> inherited = new ArrayList<>();
      for (int i = 0; i < n; i++) inherited.add(false);
      out.add(FoldCodec.encode(new FoldResult(null, events, inherited, List.of(), List.of(), List.of(), List.of(),
          List.of(), 0)));
    }
    return out;
  }

  static List<Row> sorted(Dataset<Row> rows) {
    return rows.select(DossierTables.cols(WardHourly.SCHEMA.fieldNames())).orderBy(WardHourly.ORDER[0],
        WardHourly.ORDER[1], WardHourly.ORDER[2], WardHourly.ORDER[3]).collectAsList();
  }

  @Test
  void equalsTheSparkSqlTableInEachZone() {
    SparkSession spark = TestSpark.get();
    String was = spark.conf().get("spark.sql.session.timeZone");
    JavaRDD<byte[]> folded = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(folds(), 3);
    try {
      for (String zone : List.of("Asia/Ho_Chi_Minh", "America/New_York", "UTC")) {
        spark.conf().set("spark.sql.session.timeZone", zone);
        List<Row> expected = sorted(inSparkSql(KpiJob.section(folded, FoldCodec.Section.EVENTS), AS_OF));
        List<Row> actual = sorted(WardHourly.of(folded, AS_OF, zone));
        assertTrue(expected.size() > 100, zone + ": " + expected.size());
        assertEquals(expected, actual, zone);
      }
    } finally {
      spark.conf().set("spark.sql.session.timeZone", was);
    }
  }

  @Test
  void aDailyRunsChangeIsTheNewTableMinusTheOld() {
    SparkSession spark = TestSpark.get();
    JavaRDD<byte[]> folded = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(folds(), 2);
    String zone = "Asia/Ho_Chi_Minh";
    assertEquals(List.of(), WardHourly.change(folded, AS_OF, folded, AS_OF, zone));
    // a later as-of counts the events after the first one too
    Instant later = AS_OF.plusSeconds(10 * 86_400);
    java.util.Map<String, String> expected = byHour(sorted(WardHourly.of(folded, later, zone)), 1);
    byHour(sorted(WardHourly.of(folded, AS_OF, zone)), -1).forEach((k, v) -> expected.merge(k, v, WardHourlyTest::add));
    expected.values().removeIf("0,0,0"::equals);
    assertTrue(expected.size() > 10, "hours changed: " + expected.size());
    assertEquals(expected, byHour(WardHourly.change(folded, later, folded, AS_OF, zone), 1));
  }

  /** ward|week|weekday|hour → "received,events,integration_errors", times sign. */
  static java.util.Map<String, String> byHour(List<Row> rows, int sign) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    for (Row r : rows) {
      out.put(r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3),
          sign * r.getLong(4) + "," + sign * r.getLong(5) + "," + sign * r.getLong(6));
    }
    return out;
  }

  static String add(String a, String b) {
    String[] x = a.split(","), y = b.split(",");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 3; i++) out.append(i > 0 ? "," : "").append(Long.parseLong(x[i]) + Long.parseLong(y[i]));
    return out.toString();
  }
}
