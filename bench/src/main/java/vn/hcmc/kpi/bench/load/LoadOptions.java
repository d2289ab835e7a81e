package vn.hcmc.kpi.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The options of {@code kpi bench --load}, checked as they are read (every message says what was wrong). */
record LoadOptions(Path warehouse, List<Integer> clients, Duration duration, Duration warmup, ApiClient.Auth auth,
    boolean downloads, String only, int port, Path out, Duration timeout, String serveJavaOptions, boolean freshSql) {

  static final String USAGE = """
      Usage: kpi bench --load --warehouse DIR [--clients 20,50] [--duration 20s] [--warmup 5s]
                       [--auth session|basic] [--downloads] [--only TEXT] [--port 0] [--timeout 30s]
                       [--serve-opts "-Xmx2g"] [--fresh-sql] [--out data/bench]

        --warehouse DIR   a published warehouse (DIR/CURRENT); the dashboard is started on it
        --clients LIST    concurrent closed-loop clients per endpoint, one run each (default 20,50)
        --duration D      measured time per endpoint and concurrency: 20s, 1m, 500ms (default 20s)
        --warmup D        unmeasured load before each measurement (default 5s)
        --auth MODE       session: each client signs in once with the login form and sends its cookie
                          (default, what browsers do); basic: HTTP Basic on every request (scripts;
                          each request then pays the BCrypt password check)
        --downloads       also load the xlsx/csv exports listed in the OpenAPI document
        --only TEXT       only the operations whose "METHOD /path" contains TEXT
        --port N          the dashboard's port (default 0: a free one)
        --timeout D       per request; a request without an answer by then is an error (default 30s)
        --serve-opts S    JVM options of the dashboard (default: $KPI_SERVE_JAVA_OPTS)
        --fresh-sql       every SQL console request a text the version has not seen (the query with a
                          numbered comment): measures parsing and running it, not a kept verdict or result
        --out DIR         load.csv, load.html, the dashboard's log (default data/bench)
      The dashboard runs with the demo profile (accounts leader-26782, planner, analyst, admin).
      Results: DIR/load.csv and DIR/load.html; a table is also printed.
      """;

  static final String WAREHOUSE = "--warehouse";
  static final String CLIENTS = "--clients";
  static final String DURATION = "--duration";
  static final String WARMUP = "--warmup";
  static final String AUTH = "--auth";
  static final String DOWNLOADS = "--downloads";
  static final String ONLY = "--only";
  static final String PORT = "--port";
  static final String TIMEOUT = "--timeout";
  static final String SERVE_OPTS = "--serve-opts";
  static final String OUT = "--out";
  static final String FRESH_SQL = "--fresh-sql";

  /** @throws IllegalArgumentException with what was wrong */
  static LoadOptions parse(List<String> args) {
    Path warehouse = null;
    List<Integer> clients = List.of(20, 50);
    Duration duration = Duration.ofSeconds(20);
    Duration warmup = Duration.ofSeconds(5);
    ApiClient.Auth auth = ApiClient.Auth.SESSION;
    boolean downloads = false;
    String only = "";
    int port = 0;
    Path out = Path.of("data/bench");
    Duration timeout = Duration.ofSeconds(30);
    String serveOpts = System.getenv("KPI_SERVE_JAVA_OPTS");
    boolean freshSql = false;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      switch (option) {
        case WAREHOUSE -> warehouse = Path.of(value(args, ++i, option));
        case CLIENTS -> clients = clients(value(args, ++i, option));
        case DURATION -> duration = duration(value(args, ++i, option), option);
        case WARMUP -> warmup = duration(value(args, ++i, option), option);
        case AUTH -> auth = auth(value(args, ++i, option));
        case DOWNLOADS -> downloads = true;
        case ONLY -> only = value(args, ++i, option);
        case PORT -> port = integer(value(args, ++i, option), option, 0, 65535);
        case TIMEOUT -> timeout = duration(value(args, ++i, option), option);
        case SERVE_OPTS -> serveOpts = value(args, ++i, option);
        case OUT -> out = Path.of(value(args, ++i, option));
        case FRESH_SQL -> freshSql = true;
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (warehouse == null) {
      throw new IllegalArgumentException(WAREHOUSE + " DIR is required (a warehouse the ETL published)");
    }
    if (!Files.isRegularFile(warehouse.resolve("CURRENT"))) {
      throw new IllegalArgumentException(WAREHOUSE + " " + warehouse + " has no CURRENT file: not a published warehouse");
    }
    if (duration.isZero() || timeout.isZero()) {
      throw new IllegalArgumentException(DURATION + " and " + TIMEOUT + " must be longer than 0");
    }
    return new LoadOptions(warehouse, clients, duration, warmup, auth, downloads, only, port, out, timeout, serveOpts,
        freshSql);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }

  static List<Integer> clients(String list) {
    List<Integer> counts = new ArrayList<>();
    for (String part : list.split(",")) {
      counts.add(integer(part.strip(), CLIENTS, 1, 1000));
    }
    return List.copyOf(counts);
  }

  /** "20s", "1m", "500ms", or a plain number of seconds. */
  static Duration duration(String text, String option) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return nonNegative(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))), text, option);
      }
      if (t.endsWith("m")) {
        return nonNegative(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))), text, option);
      }
      String seconds = t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
      return nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000)), text, option);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " '" + text + "' is not a duration such as 20s, 1m or 500ms");
    }
  }

  private static Duration nonNegative(Duration d, String text, String option) {
    if (d.isNegative()) {
      throw new IllegalArgumentException(option + " '" + text + "' is negative");
    }
    return d;
  }

  private static ApiClient.Auth auth(String text) {
    return switch (text) {
      case "session" -> ApiClient.Auth.SESSION;
      case "basic" -> ApiClient.Auth.BASIC;
      default -> throw new IllegalArgumentException(AUTH + " must be session or basic, was '" + text + "'");
    };
  }

  private static int integer(String text, String option, int min, int max) {
    try {
      int n = Integer.parseInt(text);
      if (n < min || n > max) {
        throw new IllegalArgumentException(option + " " + n + " is outside " + min + ".." + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " '" + text + "' is not a whole number");
    }
  }
}
