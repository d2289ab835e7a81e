package vn.hcmc.kpi.etl.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * What to generate.
 *
 * @param unitCodes unit codes (each must exist in units.csv), in any order; duplicates are ignored
 * @param from first day of intake (inclusive, local)
 * @param to last day (inclusive); the log is a snapshot at the end of this day
 * @param scale multiplies every unit's volume (1.0 = the city's real volume)
 * @param seed everything is derived from it; the same seed and options give byte-identical files
 */
public record GeneratorOptions(List<String> unitCodes, LocalDate from, LocalDate to, double scale, long seed) {
  public static final long DEFAULT_SEED = 42;

  public GeneratorOptions {
    if (unitCodes == null || unitCodes.isEmpty()) throw new IllegalArgumentException("at least one unit is needed");
    unitCodes = List.copyOf(new java.util.LinkedHashSet<>(unitCodes));
    if (from == null || to == null) throw new IllegalArgumentException("from and to are required");
    if (to.isBefore(from)) throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("scale must be a positive number, got " + scale);
  }
}
