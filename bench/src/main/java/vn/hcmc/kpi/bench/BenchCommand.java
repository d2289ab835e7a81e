package vn.hcmc.kpi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.hcmc.kpi.etl.baseline.BaselineSql;
import vn.hcmc.kpi.etl.generate.GenerationResult;
import vn.hcmc.kpi.etl.generate.GeneratorOptions;
import vn.hcmc.kpi.etl.generate.LogGenerator;
import vn.hcmc.kpi.bench.load.LoadCommand;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/**
 * {@code kpi bench}: generates city-wide logs at growing sizes, times the full ETL (the real
 * launcher, a fresh JVM per run), the ETL's weekly tables alone ({@code kpi etl --figures-only}, the
 * like-for-like run) and the plain DuckDB baseline on the same CSV, checks that all three give the same
 * ward_weekly figures, and writes bench.csv and bench.html (cost against size).
 */
public final class BenchCommand {
  static final String USAGE = """
      Usage: kpi bench [--weeks 1,2,4,8] [--full-year] [--units N] [--scale 1.0] [--runs 3] [--heap 8g]
                       [--from 2026-03-02] [--out data/bench] [--skip-baseline]
             kpi bench --load --warehouse DIR [--clients 20,50] [--duration 20s] ...   (dashboard load; --load --help)

        --weeks LIST     input sizes in weeks of the whole city (default 1,2,4,8)
        --full-year      one size of 52 weeks (about 19 million events at scale 1; 30 million at 1.55)
        --units N        the first N units (default 168, the whole city)
        --scale F        the generator's volume factor (default 1.0: about 15,000 dossiers a working day)
        --runs N         timed runs per size; the median is reported (default 3)
        --heap SIZE      the ETL driver's heap, -Xmx (default 8g)
        --out DIR        logs, warehouses and results (default data/bench)
      Per size: the full ETL, the ETL's weekly tables alone (kpi etl --figures-only: the same read, fold and
      weekly pass, none of the per-dossier tables) and the DuckDB baseline, --runs times each, taking turns;
      all three must give the same ward_weekly figures (exit status 1 if not).
      Results: DIR/bench.csv and DIR/bench.html; the figures are also printed.
      """;

  static final String FIGURES = "ward_code, week_start, received, received_online, received_counter, received_post, "
      + "resolved, early, on_time, late, open_end, open_overdue_end, integration_errors, apologies";

  private BenchCommand() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  /**
   * One input size's measurements.
   *
   * @param figuresSeconds {@code kpi etl --figures-only}: the same read, fold and weekly pass without the
   *     per-dossier tables, segments and state, the like-for-like run beside the baseline (ward_weekly only)
   */
  record Size(int weeks, long events, long dossiers, long inputBytes, List<Double> etlSeconds, long peakRssKb,
              long warehouseBytes, List<Double> figuresSeconds, List<Double> baselineSeconds, boolean agree,
              String disagreement) {
    double median(List<Double> xs) {
      if (xs.isEmpty()) return Double.NaN;
      double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
  }

  static int run(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--load")) {
      // the dashboard load benchmark: its own options (kpi bench --load --help)
      return LoadCommand.run(Arrays.stream(args).filter(a -> !a.equals("--load")).toList());
    }
    List<Integer> weeks = List.of(1, 2, 4, 8);
    int units = 168;
    int runs = 3;
    double scale = 1.0;
    String heap = "8g";
    LocalDate from = LocalDate.parse("2026-03-02");
    Path out = Path.of("data/bench");
    boolean baseline = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> { System.out.print(USAGE); return 0; }
        case "--weeks" -> weeks = Arrays.stream(args[++i].split(",")).map(String::trim).map(Integer::parseInt).toList();
        case "--full-year" -> weeks = List.of(52);
        case "--units" -> units = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--scale" -> scale = Double.parseDouble(args[++i]);
        case "--heap" -> heap = args[++i];
        case "--from" -> from = LocalDate.parse(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--skip-baseline" -> baseline = false;
        default -> {
          System.err.println("kpi bench: unknown option " + a);
          System.err.print(USAGE);
          return 2;
        }
      }
    }
    if (runs < 1 || units < 1 || weeks.isEmpty() || weeks.stream().anyMatch(w -> w < 1)) {
      System.err.println("kpi bench: --runs, --units and every --weeks value must be at least 1");
      return 2;
    }
    if (!(scale > 0)) {
      System.err.println("kpi bench: --scale must be above 0, was " + scale);
      return 2;
    }
    Path root = Path.of(System.getProperty("kpi.root", ".")).toAbsolutePath().normalize();
    ReferenceData ref = ReferenceData.defaults();
    List<String> codes = ref.units().keySet().stream().sorted().limit(units).toList();
    Files.createDirectories(out);
    List<Size> sizes = new ArrayList<>();
    for (int w : weeks) {
      Path logs = out.resolve("logs-" + w + "w");
      LocalDate to = from.plusWeeks(w).minusDays(1);
      System.out.printf("== %d week(s), %d units: generating %s..%s%n", w, codes.size(), from, to);
      GenerationResult g = new LogGenerator(ref).writeTo(new GeneratorOptions(codes, from, to, scale, 42), logs);
      long inputBytes = sizeOf(logs.resolve("events"));
      Path warehouse = out.resolve("wh-" + w + "w");
      List<Double> etl = new ArrayList<>();
      List<Double> figures = new ArrayList<>();
      List<Double> base = new ArrayList<>();
      long peak = 0;
      boolean agree = true;
      String why = "";
      List<List<Object>> sparkFigures = null;
      Path figuresOut = out.resolve("figures-" + w + "w");
      // the three take turns, run by run, so that each ratio compares runs made in the same spells of a shared
      // machine: run in three blocks (session 14's year), the baseline's runs, all after the ETL's, took 45.2,
      // 34.9 and 33.9 s
      for (int r = 1; r <= runs; r++) {
        EtlRun e = EtlRun.run(root, logs, warehouse, heap, out.resolve("etl-" + w + "w-run" + r + ".log"));
        System.out.printf("   ETL run %d: %.1f s, peak RSS %d MB%n", r, e.seconds(), e.peakRssKb() / 1024);
        etl.add(e.seconds());
        peak = Math.max(peak, e.peakRssKb());
        if (sparkFigures == null) sparkFigures = readWarehouse(warehouse);
        EtlRun f = EtlRun.figuresOnly(root, logs, figuresOut, heap, out.resolve("figures-" + w + "w-run" + r + ".log"));
        System.out.printf("   ETL --figures-only run %d: %.1f s, peak RSS %d MB%n", r, f.seconds(), f.peakRssKb() / 1024);
        figures.add(f.seconds());
        List<List<Object>> figuresOnly = readFigures(figuresOut.resolve("ward_weekly"));
        if (agree && !figuresOnly.equals(sparkFigures)) {
          agree = false;
          why = "--figures-only against the warehouse: " + firstDifference(sparkFigures, figuresOnly);
          System.out.println("   DIFFERENT FIGURES: " + why);
        }
        if (baseline) {
          long t0 = System.nanoTime();
          List<List<Object>> sqlFigures = runBaseline(logs.resolve("events"));
          base.add((System.nanoTime() - t0) / 1e9);
          System.out.printf("   DuckDB baseline run %d: %.1f s%n", r, base.get(base.size() - 1));
          if (agree && !sqlFigures.equals(sparkFigures)) {
            agree = false;
            why = firstDifference(sparkFigures, sqlFigures);
            System.out.println("   DIFFERENT FIGURES: " + why);
          }
        }
      }
      sizes.add(new Size(w, g.events(), g.dossiers(), inputBytes, etl, peak, sizeOf(current(warehouse)), figures, base,
          agree, why));
    }
    Report.write(out, sizes, codes.size(), heap);
    System.out.println(Files.readString(out.resolve("bench.csv")));
    System.out.println("chart: " + out.resolve("bench.html").toAbsolutePath());
    return sizes.stream().allMatch(Size::agree) ? 0 : 1;
  }

  static Path current(Path warehouse) throws IOException {
    return warehouse.resolve("versions").resolve(Files.readString(warehouse.resolve("CURRENT")).strip());
  }

  static List<List<Object>> readWarehouse(Path warehouse) throws Exception {
    return readFigures(current(warehouse).resolve("ward_weekly"));
  }

  /** The compared ward_weekly columns of a ward_weekly Parquet folder. */
  static List<List<Object>> readFigures(Path ww) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      return rows(c, "select " + FIGURES + " from read_parquet('" + ww + "/*.parquet') order by ward_code, week_start");
    }
  }

  static List<List<Object>> runBaseline(Path events) throws Exception {
    Path dir = Files.createTempDirectory("kpi-baseline");
    Path holidays = dir.resolve("holidays.csv");
    Path procedures = dir.resolve("procedures.csv");
    Files.write(holidays, BenchCommand.class.getResourceAsStream("/reference/holidays.csv").readAllBytes());
    Files.write(procedures, BenchCommand.class.getResourceAsStream("/reference/procedures.csv").readAllBytes());
    String files;
    try (Stream<Path> s = Files.list(events)) {
      files = s.sorted().map(p -> "'" + p.toAbsolutePath() + "'").collect(Collectors.joining(", ", "[", "]"));
    }
    String script = BaselineSql.load().replace("{{EVENTS}}", files).replace("{{HOLIDAYS}}", holidays.toString())
        .replace("{{PROCEDURES}}", procedures.toString()).replace("{{AS_OF}}", "");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement st = c.createStatement()) {
        for (String statement : BaselineSql.statements(script)) st.execute(statement);
      }
      return rows(c, "select " + FIGURES + " from baseline_ward_weekly order by ward_code, week_start");
    }
  }

  static List<List<Object>> rows(Connection c, String sql) throws Exception {
    List<List<Object>> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof Number n && !(v instanceof Double) ? n.longValue() : String.valueOf(v));
        }
        out.add(row);
      }
    }
    return out;
  }

  static String firstDifference(List<List<Object>> a, List<List<Object>> b) {
    if (a.size() != b.size()) return "ETL has " + a.size() + " unit-weeks, baseline " + b.size();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) return "ETL " + a.get(i) + " vs baseline " + b.get(i);
    }
    return "";
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static String fmt(double d) { return String.format(Locale.ROOT, "%.2f", d); }

  static void writeString(Path p, String s) throws IOException { Files.writeString(p, s, StandardCharsets.UTF_8); }
}
