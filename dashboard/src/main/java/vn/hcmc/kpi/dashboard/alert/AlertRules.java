package vn.hcmc.kpi.dashboard.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.hcmc.kpi.dashboard.targets.Kpi;
import vn.hcmc.kpi.dashboard.targets.Target;
import vn.hcmc.kpi.dashboard.targets.Targets;
import vn.hcmc.kpi.dashboard.ward.WeekFigures;

/** Evaluates alert rules on weekly figures (plain Java: the tests feed it hand-made weeks). */
public final class AlertRules {

  /** Figures compare with this tolerance (see {@code Target.EPSILON}): 0.90 − 0.85 (0.050000000000000044) is not more than 0.05. */
  static final double EPSILON = 1e-9;

  private final List<AlertRule> rules;
  private final Targets targets;

  public AlertRules(List<AlertRule> rules, Targets targets) {
    this.rules = rules;
    this.targets = targets;
  }

  /**
   * The firings of one unit in {@code week}; {@code previous} is the unit's week before (null when it
   * had no row then: nothing to be worse than).
   */
  public List<Firing> evaluate(String unitCode, String unitName, WeekFigures week, WeekFigures previous,
      OffsetDateTime now, String version) {
    List<Firing> firings = new ArrayList<>();
    for (AlertRule rule : rules) {
      if (!rule.appliesTo(unitCode)) {
        continue;
      }
      Kpi kpi = rule.kpi();
      Double value = kpi.of(week);
      Double before = previous == null ? null : kpi.of(previous);
      Double threshold = switch (rule.condition()) {
        case MISSED_TARGET -> targets.of(kpi, unitCode).filter(t -> value != null && !t.isMet(value))
            .map(Target::threshold).orElse(null);
        case WORSE_THAN_PREVIOUS_WEEK -> value != null && before != null
            && (kpi.higherIsBetter() ? before - value : value - before) > rule.by() + EPSILON ? rule.by() : null;
        case ABOVE -> value != null && value > rule.value() + EPSILON ? rule.value() : null;
        case BELOW -> value != null && value < rule.value() - EPSILON ? rule.value() : null;
      };
      if (threshold != null) {
        firings.add(new Firing(rule.id(), kpi.key(), rule.condition().name(), unitCode, unitName, week.weekStart(),
            value, rule.condition() == AlertRule.Condition.WORSE_THAN_PREVIOUS_WEEK ? before : null, threshold, now,
            version));
      }
    }
    return firings;
  }

  /**
   * The firings of every unit over the given weeks. {@code weeksByUnit}: each unit's rows by week;
   * {@code evaluate}: the weeks to check per unit.
   */
  public List<Firing> evaluate(Map<String, Map<LocalDate, WeekFigures>> weeksByUnit, Map<String, String> unitNames,
      Map<String, List<LocalDate>> evaluate, OffsetDateTime now, String version) {
    List<Firing> firings = new ArrayList<>();
    evaluate.forEach((unit, weeks) -> {
      Map<LocalDate, WeekFigures> rows = weeksByUnit.getOrDefault(unit, Map.of());
      for (LocalDate week : weeks) {
        Optional.ofNullable(rows.get(week)).ifPresent(figures -> firings.addAll(evaluate(unit,
            unitNames.getOrDefault(unit, unit), figures, rows.get(week.minusWeeks(1)), now, version)));
      }
    });
    return firings;
  }
}
