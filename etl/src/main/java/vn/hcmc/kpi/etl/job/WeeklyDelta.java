package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.broadcast;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The tables by week of an incremental run. A weekly figure is an aggregate of per-dossier
 * contributions (exact percentiles included), so a (unit, week) group changes only where the refolded
 * dossiers' contributions changed; those groups are aggregated again ({@link WeeklyFigures}) from all
 * contributions of the new version, every other group's rows are kept, and the {@code partial} flag
 * follows the new as-of. ward_hourly is a sum of event counts, so it changes by the refolded dossiers'
 * new counts minus their old ones. Only the months ({@link WeekBlocks}) where rows change are rewritten;
 * the other files are hard-linked from the base version.
 */
final class WeeklyDelta {
  private WeeklyDelta() {}

  private static final String[] UNIT_WEEK = {"ward_code", "week_start"};

  /**
   * (ward_code, week_start) of every contribution row that a refolded dossier had before and has no longer,
   * or has now and had not. One join of the dossiers' old and new fold output by dossier id; a dossier's
   * contributions are canonical bytes ({@link FoldCodec#weeklyContributions}), so only dossiers whose bytes
   * differ are decoded. Why: four set differences of all decoded rows cost many Spark queries
   * (docs/incremental.md, "Measured").
   */
  static List<Tuple2<String, LocalDate>> changedUnitWeeks(JavaRDD<byte[]> before, JavaRDD<byte[]> after) {
    JavaPairRDD<String, byte[]> was = before.mapToPair(b -> new Tuple2<>(FoldCodec.dossierId(b), b));
    JavaPairRDD<String, byte[]> is = after.mapToPair(b -> new Tuple2<>(FoldCodec.dossierId(b), b));
    return was.fullOuterJoin(is).values()
        .filter(p -> !java.util.Arrays.equals(contributions(p._1()), contributions(p._2())))
        .flatMap(p -> changedRows(p._1().orNull(), p._2().orNull()).iterator()).distinct().collect();
  }

  private static byte[] contributions(Optional<byte[]> fold) {
    return fold.isPresent() ? FoldCodec.weeklyContributions(fold.get()) : null;
  }

  /** The (ward_code, week_start) of the contribution rows in one dossier's old or new fold output but not both. */
  static List<Tuple2<String, LocalDate>> changedRows(byte[] before, byte[] after) {
    Map<List<Object>, Integer> count = new java.util.HashMap<>();
    contributionRows(before, count, 1);
    contributionRows(after, count, -1);
    List<Tuple2<String, LocalDate>> out = new java.util.ArrayList<>();
    count.forEach((row, n) -> {
      // ward_code, week_start
      if (n != 0) out.add(new Tuple2<>((String) row.get(1), WeeklyFigures.localDate(row.get(3))));
    });
    return out;
  }

  /** Counts each WEEKS and OFFICERS row of the fold output (tagged with its section) by the given sign. */
  private static void contributionRows(byte[] fold, Map<List<Object>, Integer> count, int sign) {
    if (fold == null) return;
    for (FoldCodec.Section s : List.of(FoldCodec.Section.WEEKS, FoldCodec.Section.OFFICERS)) {
      for (java.util.Iterator<Row> rows = FoldCodec.rows(fold, s); rows.hasNext(); ) {
        Row r = rows.next();
        List<Object> key = new java.util.ArrayList<>(r.length() + 1);
        key.add(s.name());
        // values compare with equals: Double.equals treats NaN as equal to itself and -0.0 as unlike 0.0
        for (int i = 0; i < r.length(); i++) key.add(r.get(i));
        count.merge(key, sign, Integer::sum);
      }
    }
  }

  /**
   * Writes officer_weekly, ward_weekly, procedure_weekly and ward_hourly of the new version.
   *
   * @param old the base version's fold output of the refolded dossiers; refolded their new fold output
   * @param carried the new version's _state/folded files carried from the base (all of settled segments)
   * @param segments the segment of each _state/folded file
   * @param baseBlocks per table by week ({@link WeekBlocks#TABLES}), the block of each of the base version's files
   * @return per table by week, the block of each of the new version's files (written or linked)
   */
  static Map<String, Map<String, String>> write(SparkSession spark, JavaRDD<byte[]> old, JavaRDD<byte[]> refolded,
      List<String> carried, Map<String, String> segments, Map<String, Map<String, String>> baseBlocks, Path baseDir,
      Path versionDir, Instant baseAsOf, Instant asOf) {
    List<Row> keys = new java.util.ArrayList<>();
    Set<WeeklyFigures.UnitWeek> changed = new java.util.HashSet<>();
    for (Tuple2<String, LocalDate> k : changedUnitWeeks(old, refolded)) {
      keys.add(RowFactory.create(k._1(), k._2()));
      changed.add(new WeeklyFigures.UnitWeek(k._1(), k._2()));
    }
    Dataset<Row> groups = spark.createDataFrame(keys, Rows.struct(Rows.f("ward_code",
        org.apache.spark.sql.types.DataTypes.StringType), Rows.f("week_start",
        org.apache.spark.sql.types.DataTypes.DateType))).persist(StorageLevel.MEMORY_ONLY());
    // a settled dossier contributes only up to its segment's week, so older segments cannot hold changed groups
    LocalDate first = changed.stream().map(WeeklyFigures.UnitWeek::week).min(LocalDate::compareTo).orElse(null);
    WeeklyFigures.Partial figures = new WeeklyFigures.Partial();
    if (first != null) {
      JavaRDD<byte[]> all = refolded;
      String[] files = carried.stream().filter(f -> !Segments.week(segments.get(f)).isBefore(first))
          .map(f -> versionDir.resolve(DossierTables.FOLDED).resolve(f).toString()).toArray(String[]::new);
      if (files.length > 0) {
        all = all.union(spark.read().schema(DossierTables.FOLDED_SCHEMA).parquet(files).select("fold")
            .as(Encoders.BINARY()).javaRDD());
      }
      // the changed groups' figures in one pass, not Spark aggregations: see WeeklyFigures
      figures = WeeklyFigures.of(all, changed);
    }
    if (System.getenv("KPI_ETL_PHASES") != null) {
      System.err.printf("weekly: %d changed unit-weeks from %s (summed at process cpu %.1f s)%n", keys.size(), first,
          ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime() / 1e9);
    }
    WeeklyFigures.Tables tables = WeeklyFigures.tables(spark, figures, asOf);
    Dataset<Row> officerWeekly = tables.officerWeekly();
    Dataset<Row> wardWeekly = tables.wardWeekly();
    Dataset<Row> procedureWeekly = tables.procedureWeekly();
    // the months to rewrite: the changed groups', and those of the weeks under way at both as-of times (partial)
    Set<String> weekly = new java.util.TreeSet<>();
    for (WeeklyFigures.UnitWeek g : changed) weekly.add(WeekBlocks.of(g.week()));
    weekly.add(WeekBlocks.of(vn.hcmc.kpi.etl.dossier.Weeks.weekStart(baseAsOf)));
    weekly.add(WeekBlocks.of(vn.hcmc.kpi.etl.dossier.Weeks.weekStart(asOf)));
    // ward_hourly: the refolded dossiers' new counts minus their old ones, and the months where that is not zero
    String zone = spark.conf().get("spark.sql.session.timeZone");
    List<Row> change = WardHourly.change(refolded, asOf, old, baseAsOf, zone);
    Set<String> hourlyBlocks = new java.util.TreeSet<>();
    for (Row r : change) hourlyBlocks.add(WeekBlocks.of(WeeklyFigures.localDate(r.get(1))));
    Dataset<Row> delta = spark.createDataFrame(change, WardHourly.SCHEMA);
    Map<String, Map<String, String>> out = new java.util.concurrent.ConcurrentHashMap<>();
    ConcurrentWrites.of()
        .add("officer_weekly", () -> out.put("officer_weekly", replaceGroups(spark, baseDir, versionDir,
            "officer_weekly", officerWeekly, groups, asOf, baseBlocks, weekly, "ward_code", "week_start", "officer_id")))
        .add("ward_weekly", () -> out.put("ward_weekly", replaceGroups(spark, baseDir, versionDir, "ward_weekly",
            wardWeekly, groups, asOf, baseBlocks, weekly, "ward_code", "week_start")))
        .add("procedure_weekly", () -> out.put("procedure_weekly", replaceGroups(spark, baseDir, versionDir,
            "procedure_weekly", procedureWeekly, groups, asOf, baseBlocks, weekly, "ward_code", "procedure_code",
            "week_start")))
        .add("ward_hourly", () -> {
          Map<String, String> files = carry(baseBlocks, "ward_hourly", hourlyBlocks, baseDir, versionDir);
          Dataset<Row> before = read(spark, WardHourly.SCHEMA, baseDir, "ward_hourly",
              WeekBlocks.holding(baseBlocks.get("ward_hourly"), hourlyBlocks));
          Dataset<Row> hourly = WardHourly.total(before.unionByName(delta)).select(DossierTables.cols(before.columns()));
          files.putAll(WeekBlocks.write(hourly, versionDir.toString(), "ward_hourly", WardHourly.ORDER));
          out.put("ward_hourly", files);
        })
        .run();
    groups.unpersist();
    return new java.util.TreeMap<>(out);
  }

  /** Links the base version's files of a table whose block is not rewritten; returns their names → blocks. */
  private static Map<String, String> carry(Map<String, Map<String, String>> baseBlocks, String table,
                                           Set<String> rewritten, Path baseDir, Path versionDir) {
    Map<String, String> files = new java.util.TreeMap<>();
    baseBlocks.get(table).forEach((file, block) -> {
      if (!rewritten.contains(block)) {
        VersionFiles.link(baseDir.resolve(table).resolve(file), versionDir.resolve(table).resolve(file));
        files.put(file, block);
      }
    });
    return files;
  }

  /** The rows of some of a base table's files (none: no rows), in the given schema (not inferred: that is a job). */
  private static Dataset<Row> read(SparkSession spark, org.apache.spark.sql.types.StructType schema, Path baseDir,
                                   String table, List<String> files) {
    if (files.isEmpty()) return empty(spark, schema);
    return spark.read().schema(schema).parquet(files.stream().map(f -> baseDir.resolve(table).resolve(f).toString())
        .toArray(String[]::new));
  }

  private static Dataset<Row> empty(SparkSession spark, org.apache.spark.sql.types.StructType schema) {
    return spark.createDataFrame(List.of(), schema);
  }


  private static Map<String, String> replaceGroups(SparkSession spark, Path baseDir, Path versionDir, String table,
      Dataset<Row> recomputed, Dataset<Row> groups, Instant asOf, Map<String, Map<String, String>> baseBlocks,
      Set<String> rewritten, String... order) {
    Map<String, String> files = carry(baseBlocks, table, rewritten, baseDir, versionDir);
    Dataset<Row> base = read(spark, recomputed.schema(), baseDir, table,
        WeekBlocks.holding(baseBlocks.get(table), rewritten));
    Dataset<Row> kept = base.join(broadcast(groups), UNIT_WEEK, "left_anti");
    if (Set.of(base.columns()).contains("partial")) kept = kept.withColumn("partial", WeeklyTables.partial(asOf));
    Dataset<Row> rows = kept.select(DossierTables.cols(base.columns()))
        .unionByName(recomputed.select(DossierTables.cols(base.columns())));
    files.putAll(WeekBlocks.write(rows, versionDir.toString(), table, order));
    return files;
  }
}
