package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * ward_hourly (SPEC 5: intake and activity by local weekday, 1 = Monday, and hour, per unit and week) straight
 * from the fold bytes: each partition scans its dossiers' events ({@link FoldCodec#scanEvents}, no rows built)
 * and sums them per (ward, week, weekday, hour); Spark then adds up the partitions' sums. Why: decoding every
 * event of the year into a row for one group-by cost about 25 CPU-s of a full run (issue 10, session 6).
 * Only events at or before the as-of time count. {@code WardHourlyTest} checks it against the same table in
 * Spark SQL.
 */
final class WardHourly {
  private WardHourly() {}

  static final StructType SCHEMA = Rows.struct(Rows.f("ward_code", DataTypes.StringType),
      Rows.f("week_start", DataTypes.DateType), Rows.f("weekday", DataTypes.IntegerType),
      Rows.f("hour", DataTypes.IntegerType), Rows.f("received", DataTypes.LongType),
      Rows.f("events", DataTypes.LongType), Rows.f("integration_errors", DataTypes.LongType));

  static final String[] ORDER = {"ward_code", "week_start", "weekday", "hour"};

  private static final byte[] RECEIVED = "RECEIVED".getBytes(StandardCharsets.UTF_8);
  private static final byte[] INTEGRATION_ERROR = "INTEGRATION_ERROR".getBytes(StandardCharsets.UTF_8);

  /** The table: every hour with at least one event. */
  static Dataset<Row> of(JavaRDD<byte[]> folded, Instant asOf, String zone) {
    return total(counts(folded, asOf, zone));
  }

  /** Adds up count rows (SCHEMA) per hour, dropping hours left with no event. */
  static Dataset<Row> total(Dataset<Row> counts) {
    return counts.groupBy(ORDER[0], ORDER[1], ORDER[2], ORDER[3])
        .agg(sum("received").cast("long").as("received"), sum("events").cast("long").as("events"),
            sum("integration_errors").cast("long").as("integration_errors"))
        .filter(col("events").notEqual(0));
  }

  /**
   * Each partition's counts per hour (an hour may come from several partitions).
   *
   * @param zone the time zone of weekday and hour (the session's, as Spark's weekday() and hour() use)
   */
  static Dataset<Row> counts(JavaRDD<byte[]> folded, Instant asOf, String zone) {
    long asOfMicros = micros(asOf.getEpochSecond(), asOf.getNano());
    JavaRDD<InternalRow> rows = folded.mapPartitions(it -> partitionCounts(it, asOfMicros, ZoneId.of(zone)));
    return KpiJob.internalFrame(rows, SCHEMA);
  }

  /**
   * What a daily run changes in the table: the refolded dossiers' counts at the new as-of time minus their old
   * ones at the base's, summed on the driver (one job, no Spark aggregation: the change is small), hours whose
   * change is zero left out. Rows in {@link #SCHEMA}.
   */
  static List<Row> change(JavaRDD<byte[]> refolded, Instant asOf, JavaRDD<byte[]> old, Instant baseAsOf, String zone) {
    long now = micros(asOf.getEpochSecond(), asOf.getNano());
    long before = micros(baseAsOf.getEpochSecond(), baseAsOf.getNano());
    JavaRDD<Map<Hour, long[]>> parts = refolded.mapPartitions(it -> List.of(countsOf(it, now, ZoneId.of(zone), 1))
        .iterator()).union(old.mapPartitions(it -> List.of(countsOf(it, before, ZoneId.of(zone), -1)).iterator()));
    Map<Hour, long[]> sum = new HashMap<>();
    for (Map<Hour, long[]> part : parts.collect()) {
      part.forEach((h, c) -> sum.merge(h, c, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}));
    }
    List<Row> out = new ArrayList<>();
    sum.forEach((h, c) -> {
      if (c[0] != 0 || c[1] != 0 || c[2] != 0) {
        out.add(org.apache.spark.sql.RowFactory.create(h.ward(), java.time.LocalDate.ofEpochDay(h.weekStart()),
            h.weekday(), h.hour(), c[0], c[1], c[2]));
      }
    });
    return out;
  }

  private static Iterator<InternalRow> partitionCounts(Iterator<byte[]> folds, long asOfMicros, ZoneId zone) {
    Map<Hour, long[]> counts = countsOf(folds, asOfMicros, zone, 1);
    List<InternalRow> out = new ArrayList<>(counts.size());
    counts.forEach((h, c) -> out.add(new GenericInternalRow(new Object[] {
        h.ward() == null ? null : UTF8String.fromString(h.ward()), h.weekStart(), h.weekday(), h.hour(),
        c[0], c[1], c[2]})));
    return out.iterator();
  }

  private static Map<Hour, long[]> countsOf(Iterator<byte[]> folds, long asOfMicros, ZoneId zone, int sign) {
    LocalClock clock = new LocalClock(zone);
    Map<Hour, long[]> counts = new HashMap<>();
    String[] ward = {null};
    FoldCodec.EventScan scan = (b, wardAt, wardLength, typeAt, typeLength, seconds, nanos, weekStart) -> {
      if (seconds == Long.MIN_VALUE || micros(seconds, nanos) > asOfMicros) return; // null times compare false in SQL
      String w = ward[0];
      if (w == null || !sameBytes(w, b, wardAt, wardLength)) {
        w = wardAt < 0 ? null : new String(b, wardAt, wardLength, StandardCharsets.UTF_8);
        ward[0] = w;
      }
      long local = clock.localSeconds(seconds);
      long day = Math.floorDiv(local, 86_400);
      int weekday = (int) Math.floorMod(day + 3, 7) + 1; // 1970-01-01 was a Thursday (4)
      int hour = (int) (Math.floorMod(local, 86_400) / 3_600);
      long[] c = counts.computeIfAbsent(new Hour(w, (int) weekStart, weekday, hour), k -> new long[3]);
      if (is(RECEIVED, b, typeAt, typeLength)) c[0] += sign;
      c[1] += sign;
      if (is(INTEGRATION_ERROR, b, typeAt, typeLength)) c[2] += sign;
    };
    while (folds.hasNext()) {
      byte[] fold = folds.next();
      if (!FoldCodec.isReject(fold)) FoldCodec.scanEvents(fold, scan);
    }
    return counts;
  }

  record Hour(String ward, int weekStart, int weekday, int hour) implements java.io.Serializable {}

  /** As Spark holds a time: microseconds, the nanoseconds below them dropped (DateTimeUtils.instantToMicros). */
  private static long micros(long seconds, int nanos) {
    return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1_000);
  }

  private static boolean is(byte[] word, byte[] b, int at, int length) {
    return at >= 0 && length == word.length && java.util.Arrays.equals(word, 0, length, b, at, at + length);
  }

  private static boolean sameBytes(String s, byte[] b, int at, int length) {
    if (at < 0 || s.length() != length) return false; // ward codes are ASCII digits; others just compare unequal
    for (int i = 0; i < length; i++) if (s.charAt(i) != (b[at + i] & 0xff)) return false;
    return true;
  }

  /** Local seconds of an instant in a zone: the offset looked up only before the zone's last transition. */
  private static final class LocalClock {
    private final ZoneRules rules;
    private final long fixedFrom;
    private final int fixedOffset;

    LocalClock(ZoneId zone) {
      rules = zone.getRules();
      List<ZoneOffsetTransition> transitions = rules.getTransitions();
      if (rules.isFixedOffset()) {
        fixedFrom = Long.MIN_VALUE;
        fixedOffset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
      } else if (rules.getTransitionRules().isEmpty() && !transitions.isEmpty()) {
        ZoneOffsetTransition last = transitions.get(transitions.size() - 1); // no daylight saving since then
        fixedFrom = last.toEpochSecond();
        fixedOffset = last.getOffsetAfter().getTotalSeconds();
      } else {
        fixedFrom = Long.MAX_VALUE;
        fixedOffset = 0;
      }
    }

    long localSeconds(long epochSecond) {
      int offset = epochSecond >= fixedFrom ? fixedOffset
          : rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
      return epochSecond + offset;
    }
  }
}
