package vn.hcmc.kpi.dashboard.targets;

/**
 * A KPI's value against its target, as pages, the API and the digest show it.
 *
 * @param kpi {@link Kpi#key()}
 * @param direction {@code atLeast} or {@code atMost}
 * @param cityWide false when the unit has its own target
 * @param points Decision 766 points of the target (null when it is not scored)
 * @param score the points earned: all of them at or above the target, else value × points / target
 */
public record TargetStatus(String kpi, Double value, String direction, double target, Double amber, boolean cityWide,
    Status status, Double points, Double score) {

  static TargetStatus of(Target target, Double value) {
    return new TargetStatus(target.kpi().key(), value, target.atLeast() != null ? "atLeast" : "atMost",
        target.threshold(), target.amber(), target.unit() == null, target.status(value), target.points(),
        target.score(value));
  }
}
