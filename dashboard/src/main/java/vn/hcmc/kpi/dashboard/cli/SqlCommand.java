package vn.hcmc.kpi.dashboard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import vn.hcmc.kpi.dashboard.warehouse.Warehouse;
import vn.hcmc.kpi.dashboard.warehouse.WarehouseQueryException;
import vn.hcmc.kpi.dashboard.warehouse.WarehouseUnavailableException;

/**
 * {@code sql --warehouse DIR [--format csv|table] "SELECT ..."}: runs one read-only query over the
 * published tables (views named as the tables) and prints the result. Plain Java, no Spring.
 *
 * <p>Exit codes: 0 done; 1 the warehouse cannot be read or the query failed; 2 usage error or the
 * statement was refused (anything but a single SELECT / WITH … SELECT).
 */
public final class SqlCommand {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int REFUSED = 2;

  static final String USAGE = """
      Usage: sql --warehouse DIR [--format csv|table] "SQL"

      Runs one read-only query over the published warehouse version (DIR/CURRENT) and prints the
      result to standard output. Each table of the version is a view of the same name (ward_weekly,
      units, dossiers, ...); instants are shown in Asia/Ho_Chi_Minh.

        --warehouse DIR   the warehouse root (the folder holding CURRENT and versions/)
        --format FORMAT   csv (default; RFC 4180, with a header row) or table (aligned text)
        --help            this text

      Only a single SELECT (or WITH ... SELECT) query is accepted; anything else is refused with
      exit code 2. File, network and extension access are disabled.

      Example: sql --warehouse data/warehouse "SELECT ward_code, sum(received) FROM ward_weekly GROUP BY 1"
      """;

  /** Keeps the warehouse's informational log lines off the terminal (held: JUL keeps loggers weakly). */
  private static final java.util.logging.Logger WAREHOUSE_LOG = java.util.logging.Logger.getLogger(Warehouse.class.getName());

  private SqlCommand() {
  }

  public static void main(String[] args) {
    WAREHOUSE_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String warehouse = null;
    String format = "csv";
    String sql = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.print(USAGE);
        return OK;
      } else if (arg.equals("--warehouse") || arg.equals("--format")) {
        if (i + 1 >= args.length) {
          return usageError(err, arg + " needs a value");
        }
        if (arg.equals("--warehouse")) {
          warehouse = args[++i];
        } else {
          format = args[++i];
        }
      } else if (arg.startsWith("--warehouse=")) {
        warehouse = arg.substring("--warehouse=".length());
      } else if (arg.startsWith("--format=")) {
        format = arg.substring("--format=".length());
      } else if (arg.startsWith("--")) {
        return usageError(err, "unknown option " + arg);
      } else if (sql != null) {
        return usageError(err, "give the query as one argument (quote it)");
      } else {
        sql = arg;
      }
    }
    if (warehouse == null) {
      return usageError(err, "--warehouse DIR is required");
    }
    if (sql == null || sql.isBlank()) {
      return usageError(err, "no query given");
    }
    ResultFormat resultFormat;
    try {
      resultFormat = ResultFormat.of(format);
    } catch (IllegalArgumentException e) {
      return usageError(err, "unknown format '" + format + "' (csv or table)");
    }
    String query = sql;
    try (Warehouse published = new Warehouse(Path.of(warehouse), Duration.ZERO)) {
      return published.read(snapshot -> {
        Optional<String> refusal = QueryGuard.refusal(snapshot, query);
        if (refusal.isPresent()) {
          err.println("sql: refused: " + refusal.get());
          return REFUSED;
        }
        snapshot.extract(query, result -> resultFormat.write(result, out));
        return OK;
      });
    } catch (WarehouseUnavailableException e) {
      err.println("sql: " + e.getMessage());
      return FAILED;
    } catch (WarehouseQueryException e) {
      err.println("sql: the query failed: " + e.getCause().getMessage());
      return FAILED;
    }
  }

  private static int usageError(PrintStream err, String problem) {
    err.println("sql: " + problem);
    err.println("Try: sql --help");
    return REFUSED;
  }
}
