package vn.hcmc.kpi.dashboard.targets;

/**
 * One target from configuration ({@code kpi.targets[]}): a KPI must be at least {@code atLeast} or at
 * most {@code atMost}. {@code amber} is the edge of the amber band on the wrong side of the target
 * (e.g. on-time rate at least 0.95, amber 0.90: 0.92 is amber, 0.89 red); without it a missed target
 * is red. {@code points} (only with {@code atLeast}) scores the value by Decision 766's rule: a value at
 * or above the target earns all the points, below it value × points / target. {@code unit} null = every
 * unit; a unit's own target for a KPI replaces the city-wide one.
 */
public record Target(Kpi kpi, String unit, Double atLeast, Double atMost, Double amber, Double points) {

  public Target {
    String where = "kpi.targets (" + kpi + (unit == null ? "" : ", unit " + unit) + "): ";
    if (kpi == null) {
      throw new IllegalStateException("kpi.targets: every target needs a kpi (" + java.util.Arrays.toString(Kpi.values()) + ")");
    }
    if ((atLeast == null) == (atMost == null)) {
      throw new IllegalStateException(where + "give exactly one of at-least or at-most");
    }
    if (amber != null && (atLeast != null ? amber > atLeast : amber < atMost)) {
      throw new IllegalStateException(where + "amber must lie on the wrong side of the target");
    }
    if (points != null && (atLeast == null || atLeast <= 0 || points <= 0)) {
      throw new IllegalStateException(where + "points need a positive at-least target");
    }
    unit = unit == null || unit.isBlank() ? null : unit.strip();
  }

  /** The threshold, whichever side it is on. */
  public double threshold() {
    return atLeast != null ? atLeast : atMost;
  }

  /** Met: at or beyond the threshold on the right side (a value equal to the target meets it). */
  public boolean isMet(double value) {
    return atLeast != null ? value >= atLeast - EPSILON : value <= atMost + EPSILON;
  }

  public Status status(Double value) {
    if (value == null) {
      return Status.NONE;
    }
    if (isMet(value)) {
      return Status.GREEN;
    }
    if (amber != null && (atLeast != null ? value >= amber - EPSILON : value <= amber + EPSILON)) {
      return Status.AMBER;
    }
    return Status.RED;
  }

  /** Decision 766's scoring of a ratio against its target; null without points or value. */
  public Double score(Double value) {
    if (points == null || value == null) {
      return null;
    }
    return isMet(value) ? points : value * points / atLeast;
  }

  /**
   * Rates are fractions computed in floating point (0.90 − 0.85 is 0.050000000000000044): comparisons
   * allow this much so that a value written equal to a threshold counts as equal.
   */
  static final double EPSILON = 1e-9;
}
