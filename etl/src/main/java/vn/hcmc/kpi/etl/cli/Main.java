package vn.hcmc.kpi.etl.cli;

import java.time.Clock;
import java.util.Arrays;
import vn.hcmc.kpi.etl.generate.GenerateCommand;

/** Entry point of the ETL jar: {@code generate} (sample logs) and {@code etl} (the Spark job). */
public final class Main {
  static final String USAGE = """
      Usage: Main <command> [options]
        generate   write realistic processing logs (see generate --help)
        etl        run the Spark job over logs into the warehouse (see etl --help)
        runs       list the warehouse's versions and what each run read
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    return switch (args[0]) {
      case "generate" -> GenerateCommand.run(rest);
      case "etl" -> EtlCommand.run(rest, System.out, System.err, Clock.systemUTC());
      case "runs" -> RunsCommand.run(rest, System.out, System.err);
      default -> {
        System.err.println("unknown command '" + args[0] + "'");
        System.err.print(USAGE);
        yield 2;
      }
    };
  }
}
