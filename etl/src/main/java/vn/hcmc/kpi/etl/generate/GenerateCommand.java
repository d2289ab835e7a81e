package vn.hcmc.kpi.etl.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.hcmc.kpi.etl.clock.Zones;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/**
 * {@code generate --out DIR [--units CODES|N] [--from DATE] [--to DATE] [--scale F] [--seed N] [--reference DIR]}:
 * writes a realistic processing log (see {@link LogGenerator}) and prints a one-line summary.
 * Defaults: all units; the 8 ISO weeks ending on the last Sunday before today (local time, from the
 * injected clock); scale 1.0; seed 42; the shipped reference data.
 */
public final class GenerateCommand {

  public static final String USAGE = String.join(System.lineSeparator(),
      "usage: generate --out DIR [--units CODES|N] [--from DATE] [--to DATE] [--scale F] [--seed N] [--reference DIR]",
      "  --out DIR        output folder: DIR/events/events-YYYY-Www.csv and DIR/reference/officers.csv",
      "  --units CODES|N  comma-separated unit codes from units.csv, or N = the first N units in unit-code order",
      "                   (default: all units)",
      "  --from DATE      first day, ISO yyyy-mm-dd (default: Monday 8 weeks before --to)",
      "  --to DATE        last day, inclusive; the log is a snapshot at the end of it",
      "                   (default: the last Sunday before today)",
      "  --scale F        multiplies volumes (default 1.0 = about 15,000 dossiers a working day for 168 units)",
      "  --seed N         random seed (default 42); the same seed and options give identical files",
      "  --reference DIR  folder with procedures.csv, units.csv, holidays.csv, office_hours.csv replacing the",
      "                   shipped defaults file by file",
      "  --help           this text");

  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;

  public GenerateCommand(Clock clock, PrintStream out, PrintStream err) {
    this.clock = clock;
    this.out = out;
    this.err = err;
  }

  /** Runs with the system clock and standard streams; returns the exit code (0 ok, 2 bad arguments, 1 failure). */
  public static int run(String[] args) {
    return new GenerateCommand(Clock.system(Zones.LOCAL), System.out, System.err).execute(args);
  }

  public static void main(String[] args) { System.exit(run(args)); }

  /** Parsed arguments; {@code options} is complete and validated. */
  public record Parsed(Path out, GeneratorOptions options, Path reference) {}

  /** Thrown for bad arguments; the message says what was wrong. */
  public static final class UsageException extends Exception {
    public UsageException(String message) { super(message); }
  }

  public int execute(String[] args) {
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) { out.println(USAGE); return 0; }
    }
    Parsed p;
    ReferenceData ref;
    try {
      ref = null;
      Path refDir = null;
      for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("--reference")) refDir = Path.of(args[i + 1]);
      if (refDir != null && !Files.isDirectory(refDir)) throw new UsageException("--reference: not a folder: " + refDir);
      try {
        ref = ReferenceData.load(refDir);
      } catch (IllegalArgumentException e) {
        throw new UsageException("bad reference data: " + e.getMessage());
      }
      p = parse(args, ref);
    } catch (UsageException e) {
      err.println("generate: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      LogGenerator g = new LogGenerator(ref);
      GenerationResult r = g.writeTo(p.options(), p.out());
      out.println(r.summary(p.options()) + " -> " + p.out().resolve("events"));
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("generate: failed: " + e);
      return 1;
    }
  }

  /** Parses and validates the arguments against the reference data. */
  public Parsed parse(String[] args, ReferenceData ref) throws UsageException {
    Path outDir = null;
    String units = null;
    LocalDate from = null;
    LocalDate to = null;
    double scale = 1.0;
    long seed = GeneratorOptions.DEFAULT_SEED;
    Path reference = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) throw new UsageException("unexpected argument '" + a + "'");
      if (i + 1 >= args.length || args[i + 1].startsWith("--")) throw new UsageException(a + " needs a value");
      String v = args[++i];
      switch (a) {
        case "--out" -> outDir = Path.of(v);
        case "--units" -> units = v;
        case "--from" -> from = date(a, v);
        case "--to" -> to = date(a, v);
        case "--scale" -> {
          try {
            scale = Double.parseDouble(v);
          } catch (NumberFormatException e) {
            throw new UsageException("--scale must be a number, got '" + v + "'");
          }
          if (!(scale > 0) || Double.isInfinite(scale)) throw new UsageException("--scale must be positive, got '" + v + "'");
        }
        case "--seed" -> {
          try {
            seed = Long.parseLong(v);
          } catch (NumberFormatException e) {
            throw new UsageException("--seed must be an integer, got '" + v + "'");
          }
        }
        case "--reference" -> reference = Path.of(v);
        default -> throw new UsageException("unknown option '" + a + "'");
      }
    }
    if (outDir == null) throw new UsageException("--out is required");
    if (to == null) {
      LocalDate today = LocalDate.now(clock.withZone(Zones.LOCAL));
      LocalDate lastSunday = today.minusDays(1);
      while (lastSunday.getDayOfWeek() != DayOfWeek.SUNDAY) lastSunday = lastSunday.minusDays(1);
      to = from == null ? lastSunday : from.plusWeeks(8).with(DayOfWeek.SUNDAY).minusWeeks(1);
      if (from != null && to.isBefore(from)) to = from;
    }
    if (from == null) from = to.with(DayOfWeek.MONDAY).minusWeeks(7);
    if (to.isBefore(from)) throw new UsageException("--to " + to + " is before --from " + from);
    if (from.getYear() < 2000 || to.getYear() > 2098) throw new UsageException("dates must be between 2000 and 2098");
    List<String> codes = resolveUnits(units, ref);
    return new Parsed(outDir, new GeneratorOptions(codes, from, to, scale, seed), reference);
  }

  /** null = all units; N = the first N in unit-code order; otherwise a comma-separated list of codes. */
  static List<String> resolveUnits(String spec, ReferenceData ref) throws UsageException {
    List<String> all = new ArrayList<>(ref.units().keySet());
    all.sort(null);
    if (all.isEmpty()) throw new UsageException("units.csv has no units");
    if (spec == null) return all;
    String s = spec.strip();
    if (s.matches("\\d{1,4}")) { // unit codes have 5 digits, so a short number is a count
      int n = Integer.parseInt(s);
      if (n < 1 || n > all.size()) {
        throw new UsageException("--units " + n + ": must be between 1 and " + all.size() + " (the units in units.csv)");
      }
      return List.copyOf(all.subList(0, n));
    }
    List<String> codes = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String c : s.split(",")) {
      String code = c.strip();
      if (code.isEmpty()) continue;
      if (ref.units().containsKey(code)) { if (!codes.contains(code)) codes.add(code); } else unknown.add(code);
    }
    if (!unknown.isEmpty()) throw new UsageException("--units: unknown unit code(s) " + unknown + " (not in units.csv)");
    if (codes.isEmpty()) throw new UsageException("--units: no unit codes given");
    return codes;
  }

  private static LocalDate date(String opt, String v) throws UsageException {
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new UsageException(opt + " must be an ISO date like 2026-01-05, got '" + v + "'");
    }
  }
}
