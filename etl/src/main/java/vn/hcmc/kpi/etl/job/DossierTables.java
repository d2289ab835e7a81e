package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The tables with rows per dossier, written in segments ({@link Segments}) from the fold output: the
 * published events, dossiers, tasks, pauses and data_quality, and the private state an incremental run
 * refolds from: {@code _state/folded} (each dossier's fold output) and {@code _state/raw_dups} (the rows as
 * read of dossiers that had duplicates, which the fold output does not keep). One shuffle of the compact
 * fold bytes puts each segment in partitions of its own; every table is then written from that, a file per
 * partition. The leading underscore keeps the state out of readers: the dashboard, the notebooks and the SQL
 * console open only folders that hold Parquet files directly.
 */
final class DossierTables {
  private DossierTables() {}

  static final String STATE = "_state";
  static final String FOLDED = STATE + "/folded";
  static final String RAW_DUPS = STATE + "/raw_dups";

  /**
   * A published per-dossier table: its section of the fold output and its sort within files.
   *
   * @param ordered whether the sort starts with ward_code and a time, whose {@link OrderKey} then leads it
   */
  record Table(String name, FoldCodec.Section section, boolean ordered, String... sort) {
    /** The rows to write: the section's, with the order key as a last column when ordered and given one. */
    Dataset<Row> rows(JavaRDD<byte[]> bySegment, OrderKey order) {
      if (!ordered || order == null) return KpiJob.section(bySegment, section);
      int ward = section.schema.fieldIndex(sort[0]);
      int time = section.schema.fieldIndex(sort[1]);
      FoldCodec.Section s = section;
      return KpiJob.internalFrame(bySegment.flatMap(b -> FoldCodec.internalRowsWithOrder(b, s, order, ward, time)),
          section.schema.add(OrderKey.COLUMN, DataTypes.LongType, false));
    }

    /** Sorted as the table's files are, the order key (when there) first and then dropped. */
    Dataset<Row> sorted(Dataset<Row> rows) {
      boolean keyed = java.util.Arrays.asList(rows.columns()).contains(OrderKey.COLUMN);
      Column[] by = new Column[sort.length + (keyed ? 1 : 0)];
      if (keyed) by[0] = col(OrderKey.COLUMN);
      for (int i = 0; i < sort.length; i++) by[i + (keyed ? 1 : 0)] = col(sort[i]);
      Dataset<Row> out = rows.sortWithinPartitions(by);
      return keyed ? out.drop(OrderKey.COLUMN) : out;
    }
  }

  static final List<Table> PUBLISHED = List.of(
      new Table("events", FoldCodec.Section.EVENTS, true, "ward_code", "occurred_at", "dossier_id", "event_id"),
      new Table("dossiers", FoldCodec.Section.FACTS, true, "ward_code", "received_at", "dossier_id"),
      new Table("tasks", FoldCodec.Section.TASKS, true, "ward_code", "started_at", "dossier_id", "officer_id"),
      new Table("pauses", FoldCodec.Section.PAUSES, false, "ward_code", "dossier_id", "requested_at"),
      new Table("data_quality", FoldCodec.Section.ANOMALIES, false, "ward_code", "dossier_id", "code", "detail"));

  /** The tables laid out in segments, private state included. */
  static List<String> segmented() {
    List<String> names = new ArrayList<>();
    for (Table t : PUBLISHED) names.add(t.name());
    names.add(FOLDED);
    return names;
  }

  static final StructType FOLDED_SCHEMA = Rows.struct(Rows.f("dossier_id", DataTypes.StringType),
      Rows.f("fold", DataTypes.BinaryType));

  /** The fold's input columns ({@link Rows#ACCEPTED}) with their types. */
  static final StructType ACCEPTED_SCHEMA = Rows.ACCEPTED_ROW;

  static final StructType RAW_DUPS_SCHEMA = ACCEPTED_SCHEMA.add("segment", DataTypes.StringType);

  /**
   * What writing the fold output did.
   *
   * @param folded the dossiers' fold output shuffled by segment and persisted (the caller calls {@link #release})
   * @param rejects the refused rows' entries of the fold output
   * @param files per segmented table, the segment of each file written (file name → segment)
   * @param count dossiers folded; dossiers those with facts (a dossiers row)
   * @param index which segment holds which dossier
   */
  record Written(JavaRDD<byte[]> folded, JavaRDD<byte[]> rejects, Map<String, Map<String, String>> files, long count,
                 long dossiers, long duplicates, DossierIndex index, JavaRDD<byte[]> cached) {
    void release() { cached.unpersist(); }
  }

  /**
   * Writes the per-dossier tables and the state of a version from fold output (refused rows' entries
   * included: they are set apart).
   *
   * @param planned the segments' partitions planned before the fold ({@link Segments.Plan#forSpan}): the fold
   *     output, not persisted, then goes straight into the shuffle by segment and is counted on the way; null: the
   *     fold output (persisted by the caller) is counted first and the partitions planned by size
   * @param accepted the fold's input rows (at least the {@link Rows#ACCEPTED} columns), for raw_dups
   * @param keptRawDups raw_dups rows carried from a base version (RAW_DUPS_SCHEMA), or null
   * @param writeThreads table writes in flight at once ({@link ConcurrentWrites#threadsFor})
   */
  static Written write(JavaRDD<byte[]> foldOutput, Instant asOf, Segments.Plan planned, Dataset<Row> accepted,
                       Dataset<Row> keptRawDups, WarehousePublisher publisher, String runId, StorageLevel level,
                       int partitions, int writeThreads) {
    SparkSession spark = SparkSession.active();
    BySegment shuffled = planned != null ? planned(foldOutput, asOf, planned, level)
        : bySize(foldOutput, asOf, partitions, level);
    Segments.Plan plan = shuffled.plan();
    JavaRDD<byte[]> bySegment = shuffled.dossiers();
    TreeMap<String, SegmentTally> tallies = shuffled.tallies();
    Map<String, long[]> idHashes = new TreeMap<>();
    List<Row> dupSegments = new ArrayList<>();
    long count = 0, dossiers = 0, duplicates = 0;
    java.util.Set<String> wards = new java.util.HashSet<>();
    for (Map.Entry<String, SegmentTally> e : tallies.entrySet()) {
      SegmentTally t = e.getValue();
      wards.addAll(t.wards);
      count += t.count;
      duplicates += t.duplicates;
      dossiers += t.facts;
      idHashes.put(e.getKey(), Arrays.copyOf(t.idHashes, t.count));
      for (String id : t.dupIds) dupSegments.add(RowFactory.create(id, e.getKey()));
    }

    String version = publisher.fs().location(versionPath(runId));
    Dataset<Row> rawDups = spark.createDataFrame(List.of(), RAW_DUPS_SCHEMA);
    if (!dupSegments.isEmpty()) {
      Dataset<Row> ids = spark.createDataFrame(dupSegments, Rows.struct(Rows.f("dossier_id", DataTypes.StringType),
          Rows.f("segment", DataTypes.StringType)));
      rawDups = accepted.select(cols(Rows.ACCEPTED)).join(broadcast(ids), "dossier_id")
          .select(cols(RAW_DUPS_SCHEMA.fieldNames()));
    }
    if (keptRawDups != null) rawDups = rawDups.unionByName(keptRawDups);
    Dataset<Row> rawDupRows = rawDups;

    // every table from the same cached, segment-shuffled fold output, several writes in flight
    ConcurrentWrites writes = ConcurrentWrites.of(writeThreads);
    OrderKey order = OrderKey.of(wards);
    for (Table t : PUBLISHED) {
      writes.add(t.name(), () -> {
        Dataset<Row> rows = t.rows(bySegment, order);
        if (t.name().equals("data_quality")) rows = rows.withColumn("run_id", lit(runId));
        KpiJob.write(t.sorted(rows), version, t.name());
      });
    }
    // the rows in Spark's internal form straight from the bytes, not Java values converted per row
    writes.add(FOLDED, () -> KpiJob.internalFrame(bySegment.map(b -> (org.apache.spark.sql.catalyst.InternalRow)
            new org.apache.spark.sql.catalyst.expressions.GenericInternalRow(new Object[] {
                org.apache.spark.unsafe.types.UTF8String.fromString(FoldCodec.dossierId(b)), b})), FOLDED_SCHEMA)
        .write().mode(SaveMode.ErrorIfExists).option("compression", "zstd")
        // each value is one dossier's: a dictionary would be built per row group only to be dropped
        .option("parquet.enable.dictionary#dossier_id", "false").option("parquet.enable.dictionary#fold", "false")
        .parquet(version + "/" + FOLDED));
    writes.add(RAW_DUPS, () -> {
      rawDupRows.coalesce(1).write().mode(SaveMode.ErrorIfExists).option("compression", "zstd")
          .parquet(version + "/" + RAW_DUPS);
      Faults.point("after-table:" + RAW_DUPS);
    });
    writes.run();
    Map<String, Map<String, String>> files = new LinkedHashMap<>();
    for (Table t : PUBLISHED) files.put(t.name(), segmentsOfFiles(publisher, runId, t.name(), plan));
    files.put(FOLDED, segmentsOfFiles(publisher, runId, FOLDED, plan));
    return new Written(bySegment, shuffled.rejects(), files, count, dossiers, duplicates, DossierIndex.of(idHashes),
        shuffled.cached());
  }

  /** The fold output shuffled by segment: the dossiers (cached), the rejects, the plan and what each segment holds. */
  private record BySegment(JavaRDD<byte[]> dossiers, JavaRDD<byte[]> rejects, Segments.Plan plan,
                           TreeMap<String, SegmentTally> tallies, JavaRDD<byte[]> cached) {}

  /**
   * One pass over the (persisted) fold output counts each segment, without a shuffle; the partitions are then
   * planned by the segments' sizes and the dossiers shuffled. For daily runs, whose refolded dossiers may land
   * in any week.
   */
  private static BySegment bySize(JavaRDD<byte[]> foldOutput, Instant asOf, int partitions, StorageLevel level) {
    JavaRDD<byte[]> dossiersOnly = foldOutput.filter(b -> !FoldCodec.isReject(b));
    TreeMap<String, SegmentTally> tallies = new TreeMap<>();
    for (Map<String, SegmentTally> part : dossiersOnly.mapPartitions(it -> List.of(SegmentTally.of(it, asOf)).iterator())
        .collect()) {
      part.forEach((segment, t) -> tallies.merge(segment, t, SegmentTally::plus));
    }
    TreeMap<String, Long> bytes = new TreeMap<>();
    tallies.forEach((segment, t) -> bytes.put(segment, t.bytes));
    Segments.Plan plan = Segments.Plan.bySize(bytes, partitions);
    // kept as an RDD of byte arrays, not a Dataset: a Dataset's cache builds column batches (and, on disk,
    // writes them through Java serialization), which cost more than every table's pass over it saved
    JavaRDD<byte[]> bySegment = ByteRdds.partitionBy(dossiersOnly, b -> plan.partition(Segments.of(b, asOf),
        DossierIndex.hash(FoldCodec.dossierId(b))),
        new Segments.ByKey(plan.partitions())).persist(level);
    return new BySegment(bySegment, foldOutput.filter(FoldCodec::isReject), plan, tallies, bySegment);
  }

  /**
   * The fold output goes straight into the shuffle by segment, partitions planned beforehand: no cache of the
   * fold output and no pass over it to count. The map side counts each segment as it sends the dossiers
   * ({@link SegmentTally.ByPartition}); the refused rows' entries go to one partition after the dossiers'. The shuffled
   * output is persisted and counted, which runs the map side, so the tallies are complete on return.
   * Session 9: the full run's fold output had been cached, read once for the rejects, once for the tallies and
   * once for the shuffle (issue 10 notes).
   */
  private static BySegment planned(JavaRDD<byte[]> foldOutput, Instant asOf, Segments.Plan plan, StorageLevel level) {
    SegmentTally.ByPartition tallies = new SegmentTally.ByPartition();
    SparkSession.active().sparkContext().register(tallies, "segments tallied");
    int rejectPartition = plan.partitions();
    JavaRDD<byte[]> shuffled = ByteRdds.shuffle(foldOutput.mapPartitionsWithIndex((index, folds) ->
        tallies.routing(index, folds, asOf, plan, rejectPartition), true), new Segments.ByKey(rejectPartition + 1))
        .persist(level);
    shuffled.count();
    TreeMap<String, SegmentTally> bySegment = new TreeMap<>();
    for (Map<String, SegmentTally> part : tallies.value().values()) {
      part.forEach((segment, t) -> bySegment.merge(segment, t.copy(), SegmentTally::plus));
    }
    return new BySegment(ByteRdds.partitions(shuffled, 0, rejectPartition),
        ByteRdds.partitions(shuffled, rejectPartition, rejectPartition + 1), plan, bySegment, shuffled);
  }

  static String versionPath(String runId) { return WarehousePublisher.VERSIONS + "/" + runId; }

  /** The segment of each Parquet file Spark wrote into a table folder, from the partition in its name. */
  private static Map<String, String> segmentsOfFiles(WarehousePublisher publisher, String runId, String table,
                                                     Segments.Plan plan) {
    Map<String, String> out = new TreeMap<>();
    try {
      for (String name : publisher.fs().list(versionPath(runId) + "/" + table)) {
        int p = Segments.sparkPartition(name);
        if (p >= 0) out.put(name, plan.segment(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + table + " of version " + runId + ": " + e.getMessage(), e);
    }
    return out;
  }

  static Column[] cols(String... names) {
    Column[] out = new Column[names.length];
    for (int i = 0; i < names.length; i++) out[i] = col(names[i]);
    return out;
  }
}
