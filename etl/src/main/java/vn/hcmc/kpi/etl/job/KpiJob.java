package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import vn.hcmc.kpi.etl.dossier.DossierFold;
import vn.hcmc.kpi.etl.ingest.LogFileReader;
import vn.hcmc.kpi.etl.ingest.UnreadableFileException;
import vn.hcmc.kpi.etl.model.LogEvent;
import vn.hcmc.kpi.etl.profile.InputMapping;
import vn.hcmc.kpi.etl.profile.MappingProfile;
import vn.hcmc.kpi.etl.reference.ReferenceData;
import vn.hcmc.kpi.etl.reference.Unit;

/**
 * The ETL: log files → accepted events and rejects → one shuffle by dossier → the clock per dossier
 * → every table of SPEC 5, written as a new warehouse version and published atomically.
 */
public final class KpiJob {

  /** What a run did, as printed and stored in the runs table. */
  public record RunSummary(String runId, Instant asOf, long rowsRead, long accepted, long rejected, long duplicates,
                           long dossiers, String version) {
    public boolean reconciles() { return rowsRead == accepted + rejected + duplicates; }
  }

  private final SparkSession spark;
  private final EtlOptions options;
  private final Clock clock;
  private InputMapping input = InputMapping.NATIVE;

  public KpiJob(SparkSession spark, EtlOptions options, Clock clock) {
    this.spark = spark;
    this.options = options;
    this.clock = clock;
  }

  /** Reads the inputs through a format/profile (XES, request-level CSV); the default is the native log. */
  public KpiJob withInput(InputMapping input) {
    this.input = input == null ? InputMapping.NATIVE : input;
    return this;
  }

  public RunSummary run() {
    Instant startedAt = clock.instant();
    ReferenceData reference = ReferenceData.load(options.referenceDir());
    org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<InputFile> files = LogFiles.list(options.inputs(), hadoop);
    WarehousePublisher publisher = new WarehousePublisher(options.warehouse(), options.keepVersions(), hadoop);
    String runId = WarehousePublisher.newVersionId(clock);
    String version = publisher.create(runId);
    String previous = publisher.current();

    StorageLevel cache = LogFiles.totalBytes(files, hadoop) < CACHE_IN_MEMORY_BELOW_BYTES
        ? StorageLevel.MEMORY_AND_DISK() : StorageLevel.DISK_ONLY();
    Dataset<Row> ingested = ingest(files).persist(cache);
    // rows read counts source records: a native row is 1, a mapped XES event or request is 1 (ingest.Counted)
    Row stats = ingested.agg(sum(col("source_rows")), sum(when(col("reason").isNotNull(), col("source_rows"))),
        max(col("occurred_at"))).first();
    long rowsRead = stats.isNullAt(0) ? 0 : stats.getLong(0);
    long rejected = stats.isNullAt(1) ? 0 : stats.getLong(1);
    Instant latest = stats.isNullAt(2) ? null : stats.getAs(2);
    Instant asOf = options.asOf() != null ? options.asOf() : latest != null ? latest : startedAt;
    reference = withProfileProcedures(withProfileUnits(reference, ingested), ingested);

    Faults.point("after-ingest");
    Dataset<byte[]> folded = fold(ingested.filter(col("reason").isNull()), reference, asOf, foldPartitions(rowsRead))
        .persist(cache);
    // per-dossier tables and the incremental state, one file per segment (DossierTables, docs/incremental.md)
    DossierTables.Written written = DossierTables.write(folded, asOf, ingested.filter(col("reason").isNull()), null,
        publisher, runId, cache, folded.rdd().getNumPartitions());
    folded.unpersist();
    Dataset<byte[]> bySegment = written.folded();
    long duplicates = written.duplicates();
    long dossiers = written.dossiers();
    long accepted = rowsRead - rejected - duplicates;

    String dir = version;
    Dataset<Row> events = section(bySegment, FoldCodec.Section.EVENTS);
    Dataset<Row> weekFacts = section(bySegment, FoldCodec.Section.WEEKS);
    Dataset<Row> officerFacts = section(bySegment, FoldCodec.Section.OFFICERS);
    write(oneSortedFile(ingested.filter(col("reason").isNotNull()).select("source", "line", "raw", "reason", "message")
        .withColumn("run_id", lit(runId)), "source", "line"), dir, "rejects");

    Dataset<Row> officerWeekly = WeeklyTables.officerWeekly(officerFacts).persist(StorageLevel.MEMORY_AND_DISK());
    write(oneSortedFile(officerWeekly, "ward_code", "week_start", "officer_id"), dir, "officer_weekly");
    write(oneSortedFile(WeeklyTables.wardWeekly(weekFacts, officerWeekly, asOf), "ward_code", "week_start"), dir,
        "ward_weekly");
    write(oneSortedFile(WeeklyTables.procedureWeekly(weekFacts, asOf), "ward_code", "procedure_code", "week_start"),
        dir, "procedure_weekly");
    write(oneSortedFile(WeeklyTables.wardHourly(events, asOf), "ward_code", "week_start", "weekday", "hour"), dir,
        "ward_hourly");
    ReferenceTables.write(spark, reference, dir);

    RunState.of(options.referenceDir(), options.clockSettings(), RunState.isNative(input, files),
        RunState.fingerprint(files, hadoop), latest, asOf, dossiers, written.files()).write(publisher.fs(), runId);

    RunSummary summary = new RunSummary(runId, asOf, rowsRead, accepted, rejected, duplicates, dossiers, version);
    Instant finishedAt = writeRuns(publisher, previous, summary, startedAt, files, dir);
    writeManifest(publisher, summary, startedAt, finishedAt, files.size());
    publisher.publish(runId);
    officerWeekly.unpersist();
    bySegment.unpersist();
    ingested.unpersist();
    return summary;
  }

  /** One table's rows of the cached fold output: only that section of each dossier's bytes is decoded. */
  static Dataset<Row> section(Dataset<byte[]> folded, FoldCodec.Section section) {
    return folded.flatMap((FlatMapFunction<byte[], Row>) b -> FoldCodec.rows(b, section),
        Encoders.row(section.schema));
  }

  static Dataset<Row> oneSortedFile(Dataset<Row> table, String... columns) {
    return table.repartition(1).sortWithinPartitions(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length));
  }

  /**
   * Row groups of about 2 MB (Parquet's default is 128 MB): a table file then holds many row groups
   * whose min/max statistics let the dashboard skip most of a file when it looks up one dossier or one
   * officer's week; measured 3–10× faster lookups at the same size on disk (issue 10 notes).
   */
  static final int ROW_GROUP_BYTES = 2 << 20;

  static void write(Dataset<Row> table, String versionDir, String name) {
    table.write().mode(SaveMode.ErrorIfExists).option("compression", "zstd")
        .option("parquet.block.size", ROW_GROUP_BYTES).parquet(versionDir + "/" + name);
    Faults.point("after-table:" + name);
  }

  private void writeManifest(WarehousePublisher publisher, RunSummary s, Instant startedAt, Instant finishedAt,
                             int files) {
    publisher.writeManifest(new RunManifest(s.runId(), startedAt.toString(), finishedAt.toString(), options.inputs(),
        s.asOf().toString(), s.rowsRead(), s.accepted(), s.rejected(), s.duplicates(), s.dossiers(), files,
        s.reconciles() ? "SUCCEEDED" : "UNRECONCILED"));
  }

  private Instant writeRuns(WarehousePublisher publisher, String previous, RunSummary s, Instant startedAt,
                            List<InputFile> files, String dir) {
    Instant finishedAt = clock.instant();
    StructType schema = Rows.struct(Rows.f("run_id", DataTypes.StringType),
        Rows.f("started_at", DataTypes.TimestampType), Rows.f("finished_at", DataTypes.TimestampType),
        Rows.f("inputs", DataTypes.StringType), Rows.f("as_of", DataTypes.TimestampType),
        Rows.f("rows_read", DataTypes.LongType), Rows.f("accepted", DataTypes.LongType),
        Rows.f("rejected", DataTypes.LongType), Rows.f("duplicates", DataTypes.LongType),
        Rows.f("status", DataTypes.StringType), Rows.f("dossiers", DataTypes.LongType),
        Rows.f("files", DataTypes.LongType));
    Row row = RowFactory.create(s.runId(), startedAt, finishedAt, String.join("\n", options.inputs()), s.asOf(),
        s.rowsRead(), s.accepted(), s.rejected(), s.duplicates(), s.reconciles() ? "SUCCEEDED" : "UNRECONCILED",
        s.dossiers(), (long) files.size());
    Dataset<Row> runs = spark.createDataFrame(List.of(row), schema);
    if (previous != null && publisher.hasTable(previous, "runs")) {
      Dataset<Row> before = spark.read().parquet(publisher.tableLocation(previous, "runs"));
      runs = before.unionByName(runs, true);
    }
    runs.orderBy("started_at", "run_id").coalesce(1).write().mode(SaveMode.ErrorIfExists)
        .option("compression", "zstd").parquet(dir + "/runs");
    return finishedAt;
  }

  /** Reads every log file in parallel, a file per task, into events and rejects. */
  Dataset<Row> ingest(List<InputFile> files) {
    int slices = Math.max(1, Math.min(files.size(), spark.sparkContext().defaultParallelism() * 4));
    long clockMillis = clock.millis();
    InputMapping mapping = input;
    FlatMapFunction<InputFile, Row> readFile = file -> {
      LogFileReader reader = new LogFileReader(Clock.fixed(Instant.ofEpochMilli(clockMillis), java.time.ZoneOffset.UTC),
          mapping);
      List<Row> out = new ArrayList<>();
      try (InputStream in = LogFiles.open(file)) {
        reader.read(file.name(), in, o -> out.add(Rows.ingested(o)));
      } catch (IOException e) {
        throw new UnreadableFileException(file.name(), e);
      }
      return out.iterator();
    };
    return spark.createDataset(files, Encoders.javaSerialization(InputFile.class)).repartition(slices)
        .flatMap(readFile, Encoders.row(Rows.INGESTED));
  }

  /**
   * Units named by a profile's logs (unit.name set) join the units table with that display name, so a
   * real log's units are known units, not an UNKNOWN_UNIT flood. Units already in units.csv keep theirs.
   */
  private ReferenceData withProfileUnits(ReferenceData reference, Dataset<Row> ingested) {
    MappingProfile profile = input.profile();
    if (profile == null || profile.unitName() == null) return reference;
    List<Row> found = ingested.filter(col("reason").isNull()).groupBy("ward_code").agg(min(col("source")))
        .collectAsList();
    Map<String, Unit> units = new java.util.TreeMap<>();
    for (Row r : found) {
      String code = r.getString(0);
      if (code == null || reference.units().containsKey(code)) continue;
      String name = profile.unitName().replace("${unit}", code)
          .replace("${file}", InputMapping.fileBase(r.getString(1)));
      units.put(code, new Unit(code, name, profile.unitKind(), null, null));
    }
    return units.isEmpty() ? reference : reference.withUnits(units);
  }

  /** Procedures a mapped log brings in get the profile's limit (procedure.limit), so their dossiers are judged. */
  private ReferenceData withProfileProcedures(ReferenceData reference, Dataset<Row> ingested) {
    MappingProfile profile = input.profile();
    if (profile == null || profile.limitFor("x") == null) return reference;
    Map<String, vn.hcmc.kpi.etl.reference.Procedure> more = new java.util.TreeMap<>();
    for (Row r : ingested.filter(col("reason").isNull().and(col("procedure_code").isNotNull()))
        .select("procedure_code").distinct().collectAsList()) {
      String code = r.getString(0);
      if (reference.procedure(code) == null) more.put(code, profile.limitFor(code));
    }
    return more.isEmpty() ? reference : reference.withProcedures(more);
  }

  /** One shuffle puts each dossier's events together; the clock then runs once per dossier. */
  /**
   * Inputs from this size on keep the job's two caches (ingested rows, folded dossiers) on disk only:
   * held in memory, a year of the city (2.3 GB of CSV) ran an 8 GB heap out of memory in the fold.
   */
  static final long CACHE_IN_MEMORY_BELOW_BYTES = 512L << 20;

  /** Rows per fold partition: each fold task sorts its rows; a year of the city in 8 tasks filled an 8 GB heap. */
  static final long ROWS_PER_FOLD_PARTITION = 500_000;

  /** At least the session's shuffle partitions, more for big inputs (about a year of the city: 39). */
  int foldPartitions(long rows) {
    int configured = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    return (int) Math.max(configured, Math.min(10_000, (rows + ROWS_PER_FOLD_PARTITION - 1) / ROWS_PER_FOLD_PARTITION));
  }

  Dataset<byte[]> fold(Dataset<Row> accepted, ReferenceData reference, Instant asOf, int partitions) {
    Broadcast<DossierFold> fold = spark.sparkContext().broadcast(
        new DossierFold(reference, options.clockSettings()), scala.reflect.ClassTag$.MODULE$.apply(DossierFold.class));
    MapPartitionsFunction<Row, byte[]> perDossier = rows -> new DossierIterator(rows, fold.value(), asOf);
    Column[] needed = java.util.Arrays.stream(Rows.ACCEPTED).map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
    return accepted.select(needed).repartition(partitions, col("dossier_id")).sortWithinPartitions("dossier_id")
        .mapPartitions(perDossier, Encoders.BINARY());
  }

  /** Groups consecutive rows of the same dossier and folds each group. */
  private static final class DossierIterator implements Iterator<byte[]> {
    private final Iterator<Row> rows;
    private final DossierFold fold;
    private final Instant asOf;
    private LogEvent pending;

    DossierIterator(Iterator<Row> rows, DossierFold fold, Instant asOf) {
      this.rows = rows;
      this.fold = fold;
      this.asOf = asOf;
      this.pending = rows.hasNext() ? Rows.event(rows.next()) : null;
    }

    @Override public boolean hasNext() { return pending != null; }

    @Override public byte[] next() {
      List<LogEvent> group = new ArrayList<>();
      group.add(pending);
      pending = null;
      while (rows.hasNext()) {
        LogEvent e = Rows.event(rows.next());
        if (!e.dossierId().equals(group.get(0).dossierId())) { pending = e; break; }
        group.add(e);
      }
      return FoldCodec.encode(fold.fold(group, asOf));
    }
  }

  /** Files under the inputs, as {@link LogFiles#list} finds them with Hadoop's default settings. */
  static List<InputFile> listLogFiles(List<String> inputs) {
    return LogFiles.list(inputs, new org.apache.hadoop.conf.Configuration());
  }

  static Map<String, String> sparkDefaults() {
    return Map.of(
        "spark.sql.session.timeZone", "Asia/Ho_Chi_Minh",
        "spark.sql.datetime.java8API.enabled", "true",
        "spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS",
        "spark.sql.parquet.compression.codec", "zstd",
        "spark.ui.enabled", "false",
        "spark.sql.shuffle.partitions", "8",
        "spark.sql.adaptive.enabled", "true",
        // exact percentiles aggregate in object hash maps; past 128 groups Spark falls back to sorting them
        "spark.sql.objectHashAggregate.sortBased.fallbackThreshold", "100000");
  }
}
