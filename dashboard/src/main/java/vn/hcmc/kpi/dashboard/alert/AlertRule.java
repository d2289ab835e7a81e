package vn.hcmc.kpi.dashboard.alert;

import java.util.List;

import vn.hcmc.kpi.dashboard.targets.Kpi;

/**
 * One alert rule from configuration ({@code kpi.alerts.rules[]}), on a weekly KPI of a unit:
 * <ul>
 *   <li>{@code missed-target}: the unit's target for the KPI ({@code kpi.targets}) is not met;</li>
 *   <li>{@code worse-than-previous-week} with {@code by}: the KPI moved the wrong way by more than
 *       {@code by} since the previous week (rates as fractions: 0.05 = 5 percentage points);</li>
 *   <li>{@code above} / {@code below} with {@code value}: the KPI is strictly above / below it.</li>
 * </ul>
 * {@code units} empty = every unit.
 */
public record AlertRule(String id, Kpi kpi, Condition condition, Double by, Double value, List<String> units) {

  public enum Condition { MISSED_TARGET, WORSE_THAN_PREVIOUS_WEEK, ABOVE, BELOW }

  public AlertRule {
    String where = "kpi.alerts.rules (" + id + "): ";
    if (id == null || id.isBlank()) {
      throw new IllegalStateException("kpi.alerts.rules: every rule needs an id");
    }
    if (kpi == null || condition == null) {
      throw new IllegalStateException(where + "kpi and condition are required");
    }
    if (condition == Condition.WORSE_THAN_PREVIOUS_WEEK && (by == null || by < 0)) {
      throw new IllegalStateException(where + "worse-than-previous-week needs by >= 0");
    }
    if ((condition == Condition.ABOVE || condition == Condition.BELOW) && value == null) {
      throw new IllegalStateException(where + condition + " needs a value");
    }
    units = units == null ? List.of() : List.copyOf(units);
  }

  public boolean appliesTo(String unitCode) {
    return units.isEmpty() || units.contains(unitCode);
  }
}
