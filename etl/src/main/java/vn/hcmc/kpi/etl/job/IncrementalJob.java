package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import vn.hcmc.kpi.etl.profile.InputMapping;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/**
 * A daily run: adds the input files that the published version has not loaded yet, refolds only the
 * dossiers that the new events or the later as-of time can change, and publishes a new version whose
 * tables equal those of a full run over all files (docs/incremental.md).
 *
 * <p>Refolded: every dossier of the base version's open segment (unsettled at its as-of; see
 * {@link Segments}) and every dossier of a settled segment that a new event belongs to, plus the new
 * dossiers. Their fold input is rebuilt from the base version's fold output ({@code _state/folded}: the
 * events as read, see {@link FoldCodec.Section#INHERITED}) and {@code _state/raw_dups}, plus the new rows.
 * Files of the other segments are hard links to the base version's; the weekly tables are re-aggregated
 * only for the unit-weeks whose contributions changed ({@link WeeklyDelta}). Local warehouses only.
 */
public final class IncrementalJob {

  /** A run that cannot start from the published version; nothing was published. */
  public static final class RefusedException extends RuntimeException {
    RefusedException(String message) { super(message); }
  }

  /**
   * What an incremental run did.
   *
   * @param summary the run's counts (rows read and the like count the new files; dossiers the version);
   *     null when there was nothing new to load
   * @param baseVersion the version it started from
   * @param newFiles input files loaded by this run
   * @param refolded dossiers folded again (new ones included)
   */
  public record Outcome(KpiJob.RunSummary summary, String baseVersion, List<String> newFiles, long refolded) {
    public boolean published() { return summary != null; }
  }

  public static final String MODE_INCREMENTAL = "INCREMENTAL";

  private final SparkSession spark;
  private final EtlOptions options;
  private final Clock clock;
  private InputMapping input = InputMapping.NATIVE;

  public IncrementalJob(SparkSession spark, EtlOptions options, Clock clock) {
    this.spark = spark;
    this.options = options;
    this.clock = clock;
  }

  public IncrementalJob withInput(InputMapping input) {
    this.input = input == null ? InputMapping.NATIVE : input;
    return this;
  }

  /** With KPI_ETL_PHASES set, each phase's wall and process CPU seconds go to stderr (docs/incremental.md). */
  private static final boolean PHASES = System.getenv("KPI_ETL_PHASES") != null;
  private long phaseWall = System.nanoTime() - (System.currentTimeMillis()
      - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) * 1_000_000;
  private long phaseCpu = 0; // since the JVM started

  private void phase(String name) {
    if (!PHASES) return;
    long wall = System.nanoTime();
    long cpu = processCpuNanos();
    System.err.printf("phase %-28s wall %6.1f s  cpu %6.1f s%n", name, (wall - phaseWall) / 1e9, (cpu - phaseCpu) / 1e9);
    phaseWall = wall;
    phaseCpu = cpu;
  }

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  public Outcome run() {
    phase("start (JVM, Spark session)");
    Instant startedAt = clock.instant();
    if (input.profile() != null) {
      throw new RefusedException("incremental runs read native logs (CSV or JSON Lines) only; a mapping profile can add "
          + "units and procedures from the data, so run a full ETL");
    }
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    WarehousePublisher publisher = new WarehousePublisher(options.warehouse(), options.keepVersions(), hadoop);
    Path root;
    try {
      root = publisher.root();
    } catch (UnsupportedOperationException e) {
      throw new RefusedException("incremental runs need a warehouse on the local file system (they hard-link the "
          + "unchanged files of the published version); " + publisher.location() + " is not: run a full ETL");
    }
    String base = publisher.current();
    if (base == null) {
      throw new RefusedException("no published version in " + root + " to add to; run a full ETL first");
    }
    RunState state = RunState.read(publisher.fs(), base);
    if (state == null || state.layout() != RunState.LAYOUT) {
      throw new RefusedException("version " + base + " has no incremental state (written by an older ETL); run a full ETL");
    }
    DossierIndex baseIndex = DossierIndex.read(publisher.fs(), base);
    if (baseIndex == null) {
      throw new RefusedException("version " + base + " has no dossier index (" + DossierIndex.FILE + "); run a full ETL");
    }
    if (!state.nativeInput()) {
      throw new RefusedException("version " + base + " was built from mapped (XES or request) input; run a full ETL");
    }
    if (!state.reference().equals(RunState.referenceHash(options.referenceDir()))) {
      throw new RefusedException("the reference data differ from those version " + base + " was built with "
          + "(procedures, units, holidays, office hours or officers); run a full ETL");
    }
    if (state.multipleSupplementsLate() != options.clockSettings().multipleSupplementsLate()) {
      throw new RefusedException("--multiple-supplements-late " + options.clockSettings().multipleSupplementsLate()
          + " differs from version " + base + " (" + state.multipleSupplementsLate() + "); run a full ETL");
    }
    List<InputFile> fresh = new ArrayList<>();
    List<RunState.LoadedFile> freshPrints = new ArrayList<>();
    newFiles(state, base, hadoop, fresh, freshPrints);
    phase("state, list, fingerprint");
    if (fresh.isEmpty()) return new Outcome(null, base, List.of(), 0);
    if (!RunState.isNative(input, fresh)) {
      throw new RefusedException("incremental runs read native logs (CSV or JSON Lines) only; run a full ETL");
    }

    ReferenceData reference = ReferenceData.load(options.referenceDir());
    String runId = WarehousePublisher.newVersionId(clock);
    String version = publisher.create(runId);
    KpiJob job = new KpiJob(spark, options, clock).withInput(input);
    // the full run's read: each new row to the shuffle by dossier as compact bytes, counted per file
    KpiJob.KeyedRows keyed = job.readForFold(fresh, job.foldPartitions(LogFiles.totalBytes(fresh, hadoop), fresh));
    InputStats.Totals read = keyed.totals();
    long rowsRead = read.rowsRead();
    long rejected = read.rejected();
    Instant latest = latest(state.latestEventInstant(), read.latest());
    Instant asOf = options.asOf() != null ? options.asOf() : latest != null ? latest : state.asOfInstant();
    if (asOf.isBefore(state.asOfInstant())) {
      deleteVersion(publisher, runId);
      throw new RefusedException("as-of " + asOf + " is earlier than version " + base + "'s (" + state.asOf()
          + "); an incremental run cannot move it back, run a full ETL");
    }
    Faults.point("after-ingest");
    phase("ingest new files");

    // the segments to rewrite: the open one, and the settled ones holding a dossier with a new event
    Path baseDir = publisher.versionDir(base);
    Map<String, String> baseFolded = state.segments().get(DossierTables.FOLDED);
    TreeSet<String> rewrite = new TreeSet<>(List.of(Segments.OPEN));
    if (!baseFolded.isEmpty()) {
      // each partition's distinct ids, no shuffle for a distinct of all
      java.util.Set<String> ids = new java.util.HashSet<>(keyed.rows().mapPartitions(rows -> {
        java.util.Set<String> seen = new java.util.HashSet<>();
        rows.forEachRemaining(r -> { if (!EventCodec.isReject((byte[]) r.get(1))) seen.add(r.getString(0)); });
        return seen.iterator();
      }).collect());
      for (String segment : baseIndex.segmentsHolding(ids)) {
        if (!baseFolded.containsValue(segment)) {
          deleteVersion(publisher, runId);
          throw new RefusedException("version " + base + "'s dossier index names segment " + segment
              + ", which has no files; run a full ETL");
        }
        rewrite.add(segment);
      }
    }
    phase("find touched segments");
    List<String> oldFiles = new ArrayList<>();
    baseFolded.forEach((file, segment) -> { if (rewrite.contains(segment)) oldFiles.add(file); });
    JavaRDD<byte[]> old = (oldFiles.isEmpty() ? spark.createDataset(List.<byte[]>of(), Encoders.BINARY())
        : spark.read().schema(DossierTables.FOLDED_SCHEMA).parquet(paths(baseDir, DossierTables.FOLDED, oldFiles))
            .select("fold").as(Encoders.BINARY()))
        .javaRDD().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> baseRaw = spark.read().schema(DossierTables.RAW_DUPS_SCHEMA)
        .parquet(baseDir.resolve(DossierTables.RAW_DUPS).toString());
    org.apache.spark.sql.Column rewritten = col("segment").isin(rewrite.toArray());

    // the fold input of the refolded dossiers, as the full run's shuffle carries it: their rows as read, the new rows
    JavaRDD<Row> oldRows = old.flatMap(IncrementalJob::asRead)
        .union(baseRaw.filter(rewritten).select(DossierTables.cols(Rows.ACCEPTED)).javaRDD())
        .map(r -> EventCodec.keyed(Rows.event(r)));
    JavaRDD<Row> refoldInput = spark.createDataFrame(oldRows.union(keyed.rows()), KpiJob.KEYED)
        .repartition(job.foldPartitions(0, List.of()), col("key")).javaRDD();
    JavaRDD<byte[]> folded = job.foldKeyed(refoldInput, reference, asOf, false).persist(StorageLevel.MEMORY_AND_DISK());
    DossierTables.Written written = DossierTables.write(folded, asOf, null, KpiJob.acceptedRows(refoldInput),
        baseRaw.filter(not(rewritten)), publisher, runId, StorageLevel.MEMORY_AND_DISK(), folded.getNumPartitions(),
        ConcurrentWrites.THREADS);
    JavaRDD<byte[]> refolded = written.folded();
    phase("refold, write segments");

    // every file of the other segments is carried over from the base version
    Path versionDir = publisher.versionDir(runId);
    Map<String, Map<String, String>> segments = new LinkedHashMap<>();
    for (String table : DossierTables.segmented()) {
      Map<String, String> files = new TreeMap<>(written.files().getOrDefault(table, Map.of()));
      state.segments().getOrDefault(table, Map.of()).forEach((file, segment) -> {
        if (!rewrite.contains(segment)) {
          VersionFiles.link(baseDir.resolve(table).resolve(file), versionDir.resolve(table).resolve(file));
          files.put(file, segment);
        }
      });
      segments.put(table, files);
    }

    // what the refolded dossiers counted in the base version: duplicates, dossiers with facts
    Tuple2<Long, Long> oldStats = old.map(b -> new Tuple2<>((long) FoldCodec.duplicates(b), FoldCodec.hasFacts(b) ? 1L : 0L))
        .fold(new Tuple2<>(0L, 0L), (a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2()));
    long duplicates = written.duplicates() - oldStats._1();
    long dossiers = state.dossiers() - oldStats._2() + written.dossiers();

    phase("link, count");
    List<String> carried = new ArrayList<>();
    baseFolded.forEach((file, segment) -> { if (!rewrite.contains(segment)) carried.add(file); });
    Map<String, Map<String, String>> baseBlocks = new HashMap<>();
    for (String t : WeekBlocks.TABLES) baseBlocks.put(t, state.segments().getOrDefault(t, Map.of()));
    segments.putAll(WeeklyDelta.write(spark, old, refolded, carried, segments.get(DossierTables.FOLDED), baseBlocks,
        baseDir, versionDir, state.asOfInstant(), asOf));
    phase("weekly tables, hourly");
    writeRejects(folded, baseDir, versionDir, runId, rejected);
    for (String t : ReferenceTables.NAMES) VersionFiles.linkAll(baseDir.resolve(t), versionDir.resolve(t));

    KpiJob.RunSummary summary = new KpiJob.RunSummary(runId, asOf, rowsRead, rowsRead - rejected - duplicates,
        rejected, duplicates, dossiers, version);
    List<String> names = fresh.stream().map(InputFile::name).toList();
    Instant finishedAt = RunsTable.append(spark, publisher, base, runId, summary, startedAt, clock.instant(),
        options.inputs(), fresh.size());
    writeManifest(publisher, summary, startedAt, finishedAt, fresh.size(), base, names);
    List<RunState.LoadedFile> loaded = new ArrayList<>(state.files());
    loaded.addAll(freshPrints);
    RunState.of(options.referenceDir(), options.clockSettings(), true, loaded, latest, asOf, dossiers, segments)
        .write(publisher.fs(), runId);
    baseIndex.replacing(rewrite, written.index()).write(publisher.fs(), runId);
    publisher.publish(runId);
    phase("rejects, runs, state, publish");
    written.release();
    folded.unpersist();
    old.unpersist();
    return new Outcome(summary, base, names, written.count());
  }

  /**
   * A dossier's fold input as read, from its fold output: the events with the procedure codes the log left
   * empty emptied again. A dossier with duplicates has none here: its rows as read are in raw_dups.
   */
  static Iterator<Row> asRead(byte[] fold) {
    if (FoldCodec.duplicates(fold) > 0) return Collections.emptyIterator();
    Iterator<Row> flagRows = FoldCodec.rows(fold, FoldCodec.Section.INHERITED);
    String flags = flagRows.hasNext() ? flagRows.next().getString(0) : null;
    Iterator<Row> events = FoldCodec.rows(fold, FoldCodec.Section.EVENTS);
    return new Iterator<>() {
      int i;

      @Override public boolean hasNext() { return events.hasNext(); }

      @Override public Row next() {
        Row e = events.next();
        boolean inherited = flags != null && flags.charAt(i++) == '1';
        // Rows.ACCEPTED: source, line, event_id, dossier_id, ward_code, procedure_code, event_type, occurred_at,
        // officer_id, step, channel, due_at, detail
        return RowFactory.create(e.get(11), e.get(12), e.get(0), e.get(1), e.get(2), inherited ? null : e.get(3),
            e.get(4), e.get(5), e.get(6), e.get(7), e.get(8), e.get(9), e.get(10));
      }
    };
  }

  private static String[] paths(Path versionDir, String table, java.util.Collection<String> files) {
    return files.stream().map(f -> versionDir.resolve(table).resolve(f).toString()).toArray(String[]::new);
  }

  /**
   * Splits the listed inputs into files already loaded (skipped) and new ones; a loaded file whose size
   * or content changed is refused, since its rows are already in the version.
   */
  private void newFiles(RunState state, String base, Configuration hadoop, List<InputFile> fresh,
                        List<RunState.LoadedFile> prints) {
    List<InputFile> listed = LogFiles.list(options.inputs(), hadoop);
    List<RunState.LoadedFile> listedPrints = RunState.fingerprint(listed, hadoop);
    Map<String, RunState.LoadedFile> loaded = new HashMap<>();
    for (RunState.LoadedFile f : state.files()) loaded.put(f.name(), f);
    for (int i = 0; i < listed.size(); i++) {
      RunState.LoadedFile was = loaded.get(listed.get(i).name());
      RunState.LoadedFile now = listedPrints.get(i);
      if (was == null) {
        fresh.add(listed.get(i));
        prints.add(now);
      } else if (!was.equals(now)) {
        throw new RefusedException("input " + now.name() + " changed since version " + base + " loaded it (size "
            + was.size() + " → " + now.size() + "); incremental runs only add new files, run a full ETL");
      }
    }
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) return b;
    return b == null || a.isAfter(b) ? a : b;
  }

  private static void deleteVersion(WarehousePublisher publisher, String runId) {
    try {
      publisher.fs().deleteTree(DossierTables.versionPath(runId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the unfinished version " + runId + ": " + e.getMessage(), e);
    }
  }

  /** The base version's rejects (linked) plus the new files' in a file of their own. */
  private void writeRejects(JavaRDD<byte[]> folded, Path baseDir, Path versionDir, String runId, long rejected) {
    if (rejected > 0) KpiJob.writeRejects(folded, runId, versionDir.toString());
    VersionFiles.linkAll(baseDir.resolve("rejects"), versionDir.resolve("rejects"));
  }

  private void writeManifest(WarehousePublisher publisher, KpiJob.RunSummary s, Instant startedAt, Instant finishedAt,
                             int files, String base, List<String> names) {
    RunManifest m = new RunManifest(s.runId(), startedAt.toString(), finishedAt.toString(), options.inputs(),
        s.asOf().toString(), s.rowsRead(), s.accepted(), s.rejected(), s.duplicates(), s.dossiers(), files,
        s.reconciles() ? "SUCCEEDED" : "UNRECONCILED");
    String file = DossierTables.versionPath(s.runId()) + "/" + RunManifest.FILE;
    try {
      publisher.fs().writeString(file, m.toJson(Map.of("mode", MODE_INCREMENTAL, "base_version", base,
          "new_files", names)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run manifest " + publisher.fs().location(file), e);
    }
  }
}
