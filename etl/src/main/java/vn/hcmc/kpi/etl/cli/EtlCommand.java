package vn.hcmc.kpi.etl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.ingest.UnreadableFileException;
import vn.hcmc.kpi.etl.job.EtlOptions;
import vn.hcmc.kpi.etl.job.IncrementalJob;
import vn.hcmc.kpi.etl.job.KpiJob;
import vn.hcmc.kpi.etl.job.SparkSessions;
import vn.hcmc.kpi.etl.job.WarehousePublisher;
import vn.hcmc.kpi.etl.profile.InputMapping;

/** {@code kpi etl}: runs the Spark job and prints the reconciliation line. */
public final class EtlCommand {
  static final String USAGE = """
      Usage: kpi etl --input PATH... --warehouse DIR [options]

        --input PATH...          log files or folders (CSV or JSON Lines, optionally .gz); folders are searched;
                                 paths or Hadoop URIs (file:, hdfs:, s3a:)
        --warehouse DIR          warehouse root, a folder or a Hadoop URI; the run is published there as a new version
        --format csv|jsonl|xes|requests
                                 input format (default: the profile's, else from the file name:
                                 .xes/.xes.gz = xes, .jsonl = jsonl, else csv)
        --profile NAME_OR_FILE   mapping profile for xes or request-level CSV input: a shipped one
                                 (wabo, bpic2015, bpic2015-phases, nyc311, xes) or a .properties file;
                                 see docs/mapping-profiles.md
        --as-of TIME             judge open dossiers at this ISO-8601 time (default: the latest accepted event)
        --reference DIR          reference CSVs (procedures, units, holidays, office_hours, officers) that
                                 replace the shipped defaults file by file
        --master URL             Spark master (default: the one spark-submit gives, else local[*])
        --multiple-supplements-late true|false
                                 Decision 766: more than one supplement request makes a dossier late (default true)
        --keep-versions N        complete warehouse versions to keep (default 3)
        --incremental            add to the published version only the input files it has not loaded yet
                                 (give the same folders as before, or just the new files), refolding only the
                                 dossiers they or the later as-of touch; refused when there is no published
                                 version or its reference data or clock settings differ; local warehouses only
                                 (docs/incremental.md)
        --figures-only DIR       compute only ward_weekly, officer_weekly and procedure_weekly and write them
                                 under DIR (a Parquet folder each), instead of --warehouse: no version is
                                 published; a quick look at a batch's figures, and the benchmark's
                                 like-for-like run beside the DuckDB baseline
      """;

  /** Adds new files to the published version instead of rebuilding it (IncrementalJob). */
  static final String INCREMENTAL = "incremental";

  /** Writes only the weekly tables to a folder, no warehouse (KpiJob.figuresOnly). */
  static final String FIGURES_ONLY = "figures-only";

  private static final Set<String> OPTIONS = Set.of("input", "warehouse", "as-of", "reference", "master",
      "multiple-supplements-late", "keep-versions", "format", "profile", "help", INCREMENTAL,
      FIGURES_ONLY);

  private EtlCommand() {}

  public static int run(String[] argv, PrintStream out, PrintStream err, Clock clock) {
    EtlOptions options;
    InputMapping mapping;
    boolean incremental;
    String figuresOnly;
    try {
      Args a = Args.parse(argv, OPTIONS, Set.of("help", INCREMENTAL));
      incremental = a.has(INCREMENTAL);
      if (a.has("help")) { out.print(USAGE); return 0; }
      figuresOnly = a.get(FIGURES_ONLY, null);
      if (figuresOnly != null && (a.has("warehouse") || incremental || a.has("keep-versions"))) {
        throw new IllegalArgumentException("--figures-only DIR writes no warehouse: give it without --warehouse, "
            + "--incremental and --keep-versions");
      }
      String asOf = a.get("as-of", null);
      String ref = a.get("reference", null);
      String multi = a.get("multiple-supplements-late", "true");
      if (!multi.equals("true") && !multi.equals("false")) {
        throw new IllegalArgumentException("--multiple-supplements-late must be true or false, got '" + multi + "'");
      }
      int keep;
      try {
        keep = Integer.parseInt(a.get("keep-versions", String.valueOf(WarehousePublisher.DEFAULT_KEEP_VERSIONS)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--keep-versions must be a number");
      }
      options = new EtlOptions(a.list("input"), figuresOnly != null ? figuresOnly : a.get("warehouse", null),
          asOf == null ? null : EtlOptions.parseAsOf(asOf), ref == null ? null : Path.of(ref),
          a.get("master", null), new ClockSettings(Boolean.parseBoolean(multi)), keep);
      mapping = InputMapping.of(a.get("format", null), a.get("profile", null));
    } catch (IllegalArgumentException e) {
      err.println("kpi etl: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    SparkSession spark = SparkSessions.create(options.master());
    try {
      if (incremental) return runIncremental(spark, options, mapping, out, err, clock);
      if (figuresOnly != null) {
        KpiJob.FiguresSummary f = new KpiJob(spark, options, clock).withInput(mapping).figuresOnly(figuresOnly);
        out.printf("as of %s: rows read %d (rejected %d); %d ward-weeks written with officer_weekly and "
            + "procedure_weekly to %s; nothing was published%n", f.asOf(), f.rowsRead(), f.rejected(), f.unitWeeks(),
            f.outDir());
        return 0;
      }
      KpiJob.RunSummary s = new KpiJob(spark, options, clock).withInput(mapping).run();
      out.printf("run %s published to %s%n", s.runId(), s.version());
      out.printf("as of %s: %d dossiers%n", s.asOf(), s.dossiers());
      out.printf("rows read %d = accepted %d + rejected %d + duplicates %d%s%n", s.rowsRead(), s.accepted(),
          s.rejected(), s.duplicates(), s.reconciles() ? "" : "  (DOES NOT RECONCILE)");
      return s.reconciles() ? 0 : 1;
    } catch (Exception e) { // Spark rethrows task failures as checked SparkExceptions
      err.println("kpi etl: failed, nothing was published: " + describe(e));
      return 1;
    } finally {
      spark.stop();
    }
  }

  private static int runIncremental(SparkSession spark, EtlOptions options, InputMapping mapping, PrintStream out,
                                    PrintStream err, Clock clock) {
    IncrementalJob.Outcome o;
    try {
      o = new IncrementalJob(spark, options, clock).withInput(mapping).run();
    } catch (IncrementalJob.RefusedException e) {
      err.println("kpi etl --incremental: refused, nothing was published: " + e.getMessage());
      return 1;
    }
    if (!o.published()) {
      out.printf("nothing new: every input file is already in version %s; nothing was published%n", o.baseVersion());
      return 0;
    }
    KpiJob.RunSummary s = o.summary();
    out.printf("run %s published to %s (incremental on %s)%n", s.runId(), s.version(), o.baseVersion());
    out.printf("new files %d: %s%n", o.newFiles().size(), String.join(", ", o.newFiles()));
    out.printf("as of %s: %d dossiers, %d refolded%n", s.asOf(), s.dossiers(), o.refolded());
    out.printf("rows read %d = accepted %d + rejected %d + duplicates %d%s%n", s.rowsRead(), s.accepted(),
        s.rejected(), s.duplicates(), s.reconciles() ? "" : "  (DOES NOT RECONCILE)");
    return s.reconciles() ? 0 : 1;
  }

  /** The most useful message in a Spark-wrapped failure: an unreadable file's name wins. */
  public static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnreadableFileException) return t.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String m = root.getMessage();
    return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
