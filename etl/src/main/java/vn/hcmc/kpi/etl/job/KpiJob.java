package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
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

    long inputBytes = LogFiles.totalBytes(files, hadoop);
    StorageLevel cache = cacheLevel(inputBytes);
    Ingested in = ingest(files, inputBytes, reference, startedAt);
    KeyedRows keyed = in.keyed();
    InputStats.Totals read = keyed.totals();
    // rows read counts source records: a native row is 1, a mapped XES event or request is 1 (ingest.Counted)
    long rowsRead = read.rowsRead();
    long rejected = read.rejected();
    Instant latest = read.latest();
    Instant asOf = in.asOf();
    reference = in.reference();

    Faults.point("after-ingest");
    // the fold output goes straight into the shuffle by segment, its partitions planned from the span of the events
    JavaRDD<byte[]> folded = ByteRdds.typed(foldKeyed(keyed.rows(), reference, asOf, false));
    int partitions = folded.getNumPartitions();
    Segments.Plan plan = read.earliest() == null ? null : Segments.Plan.forSpan(read.earliest(), asOf, partitions);
    if (plan == null) folded = folded.persist(cache); // planned by size after a pass over it (or no events at all)
    String dir = version;
    // per-dossier tables and the incremental state, one file per segment (DossierTables, docs/incremental.md)
    DossierTables.Written written = DossierTables.write(folded, asOf, plan, acceptedRows(keyed.rows()), null,
        publisher, runId, cache, partitions, ConcurrentWrites.threadsFor(inputBytes));
    writeRejects(written.rejects(), runId, dir);
    folded.unpersist();
    JavaRDD<byte[]> bySegment = written.folded();
    long duplicates = written.duplicates();
    long dossiers = written.dossiers();
    long accepted = rowsRead - rejected - duplicates;

    // the three weekly tables in one pass over the fold output, summed per group in Java (WeeklyFigures): the
    // formulas of WeeklyTables, which WeeklyFiguresTest holds them to, without ten Spark stages of their own
    WeeklyFigures.Tables weekly = WeeklyFigures.tables(spark, WeeklyFigures.of(bySegment, null), asOf);
    ReferenceData ref = reference;
    // the tables by week as a file per month (WeekBlocks), so that daily runs rewrite only recent months
    Map<String, Map<String, String>> blocks = new java.util.concurrent.ConcurrentHashMap<>();
    ConcurrentWrites.of(ConcurrentWrites.threadsFor(inputBytes))
        .add("officer_weekly", () -> blocks.put("officer_weekly", WeekBlocks.write(weekly.officerWeekly(), dir,
            "officer_weekly", "ward_code", "week_start", "officer_id")))
        .add("ward_weekly", () -> blocks.put("ward_weekly", WeekBlocks.write(weekly.wardWeekly(), dir,
            "ward_weekly", "ward_code", "week_start")))
        .add("procedure_weekly", () -> blocks.put("procedure_weekly", WeekBlocks.write(weekly.procedureWeekly(),
            dir, "procedure_weekly", "ward_code", "procedure_code", "week_start")))
        .add("ward_hourly", () -> blocks.put("ward_hourly", WeekBlocks.write(WardHourly.of(bySegment, asOf,
            spark.conf().get("spark.sql.session.timeZone")), dir, "ward_hourly", WardHourly.ORDER)))
        .add("reference tables", () -> ReferenceTables.write(spark, ref, dir))
        .run();
    Map<String, Map<String, String>> layout = new java.util.LinkedHashMap<>(written.files());
    for (String t : WeekBlocks.TABLES) layout.put(t, new java.util.TreeMap<>(blocks.get(t)));

    RunState.of(options.referenceDir(), options.clockSettings(), RunState.isNative(input, files),
        RunState.fingerprint(files, hadoop), latest, asOf, dossiers, layout).write(publisher.fs(), runId);
    written.index().write(publisher.fs(), runId);

    RunSummary summary = new RunSummary(runId, asOf, rowsRead, accepted, rejected, duplicates, dossiers, version);
    Instant finishedAt = writeRuns(publisher, previous, summary, startedAt, files, dir);
    writeManifest(publisher, summary, startedAt, finishedAt, files.size());
    publisher.publish(runId);
    written.release();
    return summary;
  }

  /** What a figures-only run read and wrote ({@link #figuresOnly}). */
  public record FiguresSummary(Instant asOf, long rowsRead, long rejected, long unitWeeks, String outDir) {}

  /**
   * The weekly tables only: the same read, fold and {@link WeeklyFigures} pass as {@link #run}, then
   * ward_weekly, officer_weekly and procedure_weekly as one Parquet file each under {@code outDir}, with no
   * warehouse version, per-dossier tables, segments or incremental state. A quick look at a batch of logs'
   * figures, and the benchmark's like-for-like run beside the DuckDB baseline, which computes ward_weekly
   * alone (README, Performance). {@code options.warehouse()} is not used.
   */
  public FiguresSummary figuresOnly(String outDir) {
    Instant startedAt = clock.instant();
    org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<InputFile> files = LogFiles.list(options.inputs(), hadoop);
    Ingested in = ingest(files, LogFiles.totalBytes(files, hadoop), ReferenceData.load(options.referenceDir()),
        startedAt);
    InputStats.Totals read = in.keyed().totals();
    Instant asOf = in.asOf();
    // each dossier's WEEKS and OFFICERS rows only (WeeklyCodec): on the year, about 360 MB shuffled, not 1,352
    JavaRDD<byte[]> dossiers = foldKeyed(in.keyed().rows(), in.reference(), asOf, true)
        .filter(WeeklyCodec::hasRows);
    // by ward, so that a partition's sums hold few groups that other partitions' sums hold too (a cost choice
    // only: the driver adds up any overlap). Summed straight from the fold's partitions, every partition held
    // nearly every group and the year's sums came to over 1 GB, more than Spark sends to the driver.
    int partitions = dossiers.getNumPartitions();
    JavaRDD<byte[]> byWard = ByteRdds.partitionBy(dossiers,
        b -> Math.floorMod(WeeklyCodec.wardHash(b), partitions), new Segments.ByKey(partitions));
    WeeklyFigures.Tables weekly = WeeklyFigures.tables(spark, WeeklyFigures.ofWeekly(byWard), asOf);
    // the three small writes at once: one after the other, each a one-task job, they took 4 of the year's 66 s
    // (at once, about 0.5 s less)
    ConcurrentWrites.of()
        .add("ward_weekly", () -> write(oneSortedFile(weekly.wardWeekly(), "ward_code", "week_start"), outDir,
            "ward_weekly"))
        .add("officer_weekly", () -> write(oneSortedFile(weekly.officerWeekly(), "ward_code", "week_start",
            "officer_id"), outDir, "officer_weekly"))
        .add("procedure_weekly", () -> write(oneSortedFile(weekly.procedureWeekly(), "ward_code", "procedure_code",
            "week_start"), outDir, "procedure_weekly"))
        .run();
    return new FiguresSummary(asOf, read.rowsRead(), read.rejected(), weekly.wardWeekly().count(), outDir);
  }

  /**
   * One table's rows of the cached fold output: only that section of each dossier's bytes is decoded.
   * The full run's fold output is cached as an RDD of byte arrays, not a Dataset: a binary Dataset column
   * costs a columnar cache build and, per row and pass, an object unwrap that looks Spark's settings up again.
   */
  static Dataset<Row> section(JavaRDD<byte[]> folded, FoldCodec.Section section) {
    // internal rows straight from the bytes (FoldCodec.internalRows); FoldCodecTest checks they equal createDataFrame's
    return internalFrame(folded.flatMap(b -> FoldCodec.internalRows(b, section)), section.schema);
  }

  /** A Dataset over rows already in Spark's internal form (no conversion of Java values per row). */
  static Dataset<Row> internalFrame(JavaRDD<org.apache.spark.sql.catalyst.InternalRow> rows,
                                    org.apache.spark.sql.types.StructType schema) {
    return ((org.apache.spark.sql.classic.SparkSession) SparkSession.active()).internalCreateDataFrame(rows.rdd(),
        schema, false);
  }

  /**
   * The accepted rows as read (columns {@link Rows#ACCEPTED}), from the shuffle's output: only read
   * when some dossier had duplicates, whose raw rows the incremental state keeps (DossierTables).
   */
  static Dataset<Row> acceptedRows(JavaRDD<Row> keyed) {
    return SparkSession.active().createDataFrame(keyed
        .filter(r -> !EventCodec.isReject((byte[]) r.get(1)))
        .map(r -> Rows.accepted(EventCodec.decode((byte[]) r.get(1)))), DossierTables.ACCEPTED_SCHEMA);
  }

  /** The run's refused rows, which travel with the fold output as entries of their own (FoldCodec.encodeReject). */
  static void writeRejects(JavaRDD<byte[]> folded, String runId, String versionDir) {
    write(oneSortedFile(section(folded.filter(FoldCodec::isReject), FoldCodec.Section.REJECTS)
        .withColumn("run_id", lit(runId)), "source", "line"), versionDir, "rejects");
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
    writer(table, name).parquet(versionDir + "/" + name);
    Faults.point("after-table:" + name);
  }

  /** A published table's writer: zstd, small row groups, no dictionary for nearly unique columns. */
  static org.apache.spark.sql.DataFrameWriter<Row> writer(Dataset<Row> table, String name) {
    var writer = table.write().mode(SaveMode.ErrorIfExists).option("compression", "zstd")
        .option("parquet.block.size", ROW_GROUP_BYTES);
    for (String column : NEARLY_UNIQUE_COLUMNS.getOrDefault(name, List.of())) {
      writer = writer.option("parquet.enable.dictionary#" + column, "false");
    }
    return writer;
  }

  /**
   * Columns whose values hardly repeat within a row group: Parquet would build a dictionary for each
   * row group only to throw it away, hashing every value on the way; they are written plain instead.
   */
  static final Map<String, List<String>> NEARLY_UNIQUE_COLUMNS = Map.of(
      "events", List.of("event_id", "occurred_at", "line"),
      "dossiers", List.of("dossier_id", "received_at", "ended_at", "adjusted_end_at", "became_overdue_at"),
      "tasks", List.of("started_at", "ended_at", "step_due_at"),
      "pauses", List.of("requested_at", "received_at", "closed_at"));

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

  /** The input files as a dataset, spread so that several tasks read at once. */
  private Dataset<InputFile> inputFiles(List<InputFile> files) {
    int slices = Math.max(1, Math.min(files.size(), spark.sparkContext().defaultParallelism() * 4));
    return spark.createDataset(files, Encoders.javaSerialization(InputFile.class)).repartition(slices);
  }

  /** The files read into the shuffle by dossier, the as-of time and the reference data with the profile's additions. */
  record Ingested(KeyedRows keyed, Instant asOf, ReferenceData reference) {}

  /**
   * One read of the files: each row goes to the shuffle by dossier as (key, bytes) and is counted per file; the
   * as-of time is then {@code --as-of} or the latest accepted event (else the start of the run).
   */
  private Ingested ingest(List<InputFile> files, long inputBytes, ReferenceData reference, Instant startedAt) {
    KeyedRows keyed = readForFold(files, foldPartitions(inputBytes, files));
    InputStats.Totals read = keyed.totals();
    Instant asOf = options.asOf() != null ? options.asOf() : read.latest() != null ? read.latest() : startedAt;
    return new Ingested(keyed, asOf, withProfileProcedures(withProfileUnits(reference, read), read));
  }

  /** Read rows, shuffled by dossier but not yet folded, and what reading them counted. */
  record KeyedRows(JavaRDD<Row> rows, InputStats.Totals totals) {}

  /** A read row on its way to the fold: the dossier id (for a reject: its place) and {@link EventCodec} bytes. */
  static final StructType KEYED = Rows.struct(Rows.f("key", DataTypes.StringType),
      Rows.f("payload", DataTypes.BinaryType));

  /**
   * Reads the files once: each row goes straight to the shuffle by dossier as compact bytes, while
   * {@link InputStats} counts what each file held. The shuffle's map side runs here, so the as-of time
   * (the latest event) is known before the fold; the fold then reads the same shuffle output.
   * Why: caching the typed rows and scanning them again cost most of the ingest (issue 10 notes).
   */
  KeyedRows readForFold(List<InputFile> files, int partitions) {
    long clockMillis = clock.millis();
    InputMapping mapping = input;
    boolean namesWanted = input.profile() != null;
    InputStats stats = new InputStats();
    spark.sparkContext().register(stats, "input files read");
    FlatMapFunction<InputFile, Row> readFile = file -> new KeyedFileRows(file, mapping, clockMillis, namesWanted, stats);
    JavaRDD<Row> rows = inputFiles(files).flatMap(readFile, Encoders.row(KEYED))
        .repartition(partitions, col("key")).javaRDD();
    rows.foreachPartition(it -> { }); // runs the map side; the fold's job reuses its output
    return new KeyedRows(rows, InputStats.totals(stats.value()));
  }

  /**
   * Folds each dossier of the shuffled rows; rejects pass through as REJECTS entries. {@code weeklyOnly}: each
   * dossier's bytes hold only its weekly contributions ({@link WeeklyCodec}), and rejects are left out.
   */
  JavaRDD<byte[]> foldKeyed(JavaRDD<Row> keyed, ReferenceData reference, Instant asOf, boolean weeklyOnly) {
    Broadcast<DossierFold> fold = broadcast(reference);
    return keyed.mapPartitions(rows -> foldPartition(rows, fold.value(), asOf, weeklyOnly));
  }

  /**
   * One partition's dossiers: its rows are held packed ({@link HeldRows}, about 64 MB of input per
   * partition, see {@link #foldPartitions}) until the partition is read, then each dossier is folded in turn,
   * in dossier id order (figures-only: in no particular order).
   */
  static Iterator<byte[]> foldPartition(Iterator<Row> rows, DossierFold fold, Instant asOf, boolean weeklyOnly) {
    List<byte[]> rejects = new ArrayList<>();
    HeldRows events = new HeldRows();
    while (rows.hasNext()) {
      Row r = rows.next();
      byte[] payload = (byte[]) r.get(1);
      if (EventCodec.isReject(payload)) {
        if (!weeklyOnly) rejects.add(EventCodec.rejectEntry(payload)); // a figures-only run counts them, no more
      }
      else events.add(r.getString(0), payload);
    }
    // the weekly sums do not depend on the order of the dossiers (integer sums; values sorted for percentiles)
    Iterator<List<LogEvent>> dossiers = events.byDossier(!weeklyOnly);
    Iterator<byte[]> passed = rejects.iterator();
    FoldEncoder encoder = weeklyOnly ? null : new FoldEncoder();
    return new Iterator<>() {
      @Override public boolean hasNext() { return passed.hasNext() || dossiers.hasNext(); }

      @Override public byte[] next() {
        if (passed.hasNext()) return passed.next();
        var folded = fold.fold(dossiers.next(), asOf);
        return weeklyOnly ? WeeklyCodec.encode(folded) : encoder.encode(folded);
      }
    };
  }

  private Broadcast<DossierFold> broadcast(ReferenceData reference) {
    return spark.sparkContext().broadcast(new DossierFold(reference, options.clockSettings()),
        scala.reflect.ClassTag$.MODULE$.apply(DossierFold.class));
  }

  /**
   * Units named by a profile's logs (unit.name set) join the units table with that display name, so a
   * real log's units are known units, not an UNKNOWN_UNIT flood. Units already in units.csv keep theirs.
   */
  private ReferenceData withProfileUnits(ReferenceData reference, InputStats.Totals read) {
    MappingProfile profile = input.profile();
    if (profile == null || profile.unitName() == null) return reference;
    Map<String, Unit> units = new java.util.TreeMap<>();
    read.wards().forEach((code, source) -> {
      if (code == null || reference.units().containsKey(code)) return;
      String name = profile.unitName().replace("${unit}", code).replace("${file}", InputMapping.fileBase(source));
      units.put(code, new Unit(code, name, profile.unitKind(), null, null));
    });
    return units.isEmpty() ? reference : reference.withUnits(units);
  }

  /** Procedures a mapped log brings in get the profile's limit (procedure.limit), so their dossiers are judged. */
  private ReferenceData withProfileProcedures(ReferenceData reference, InputStats.Totals read) {
    MappingProfile profile = input.profile();
    if (profile == null || profile.limitFor("x") == null) return reference;
    Map<String, vn.hcmc.kpi.etl.reference.Procedure> more = new java.util.TreeMap<>();
    for (String code : read.procedures()) {
      if (reference.procedure(code) == null) more.put(code, profile.limitFor(code));
    }
    return more.isEmpty() ? reference : reference.withProcedures(more);
  }

  /**
   * Inputs from this size on keep the fold output's caches serialized (and compressed: spark.rdd.compress),
   * spilling to disk what does not fit: held as objects, a year of the city (2.3 GB of CSV) ran an 8 GB heap
   * out of memory. Session 6: serialized in memory rather than DISK_ONLY, whose Java-serialized writes and
   * reads of every block cost more CPU than the rest of the cache (issue 10 notes).
   */
  static final long CACHE_IN_MEMORY_BELOW_BYTES = 512L << 20;

  static StorageLevel cacheLevel(long inputBytes) {
    return inputBytes < CACHE_IN_MEMORY_BELOW_BYTES ? StorageLevel.MEMORY_AND_DISK() : StorageLevel.MEMORY_AND_DISK_SER();
  }

  /**
   * Input bytes per fold partition: each fold task holds its rows until its input is read (packed, {@link HeldRows}), so a partition must stay well inside a task's share of the heap.
   */
  static final long INPUT_BYTES_PER_FOLD_PARTITION = 64L << 20;

  /** How much bigger than stored a gzip log is counted when sizing the fold partitions. */
  static final int GZIP_EXPANSION = 8;

  /** At least the session's shuffle partitions, more for big inputs (about a year of the city: 37). */
  int foldPartitions(long inputBytes, List<InputFile> files) {
    long gz = files.stream().filter(f -> f.name().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")).count();
    long estimated = gz == 0 ? inputBytes : inputBytes * GZIP_EXPANSION; // mixed inputs: err on the side of more
    int configured = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    return (int) Math.max(configured, Math.min(10_000,
        (estimated + INPUT_BYTES_PER_FOLD_PARTITION - 1) / INPUT_BYTES_PER_FOLD_PARTITION));
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
        // local files' permissions set without a chmod process per file written (NioLocalFileSystem)
        "spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName(),
        "spark.sql.shuffle.partitions", "8",
        // serialized caches of the fold output (big inputs) are compressed: fewer bytes held or spilled
        "spark.rdd.compress", "true",
        "spark.sql.adaptive.enabled", "true",
        // exact percentiles aggregate in object hash maps; past 128 groups Spark falls back to sorting them
        "spark.sql.objectHashAggregate.sortBased.fallbackThreshold", "100000");
  }
}
