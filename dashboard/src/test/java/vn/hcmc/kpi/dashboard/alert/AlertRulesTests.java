package vn.hcmc.kpi.dashboard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hcmc.kpi.dashboard.alert.AlertRule.Condition;
import vn.hcmc.kpi.dashboard.targets.Kpi;
import vn.hcmc.kpi.dashboard.targets.Target;
import vn.hcmc.kpi.dashboard.targets.TargetSettings;
import vn.hcmc.kpi.dashboard.targets.Targets;
import vn.hcmc.kpi.dashboard.ward.WeekFigures;

/**
 * Each rule on hand-made weeks, with the figures worked out by hand: a rule fires exactly when its
 * condition holds (equality to a threshold does not fire, the floating-point noise of a difference of
 * rates does not either).
 */
class AlertRulesTests {

  static final LocalDate W = LocalDate.parse("2026-03-16");
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-23T06:00:00+07:00");
  static final Targets TARGETS = new Targets(new TargetSettings(List.of(
      new Target(Kpi.ON_TIME_RATE, null, 0.95, null, 0.90, null),
      new Target(Kpi.ON_TIME_RATE, "U2", 0.90, null, null, null))));

  /** A week with {@code early + onTime + late = resolved}, rates by ward_weekly's formulas (kpi-rules 8). */
  static WeekFigures week(LocalDate start, long early, long onTime, long late, long open, long openOverdue) {
    long resolved = early + onTime + late;
    Double onTimeRate = resolved == 0 ? null : (double) (early + onTime) / resolved;
    Double overdueRate = resolved + open == 0 ? null : (double) (late + openOverdue) / (resolved + open);
    Double progress = resolved + open == 0 ? null : 20.0 * (early + onTime + open - openOverdue) / (resolved + open);
    return new WeekFigures(start, false, resolved, resolved, early, onTime, late, onTimeRate, open, openOverdue,
        progress, 0, resolved, 0, overdueRate, 10, resolved / 10.0, 0, 0.0, 0.1, 0);
  }

  static List<Firing> run(AlertRule rule, String unit, WeekFigures week, WeekFigures previous) {
    return new AlertRules(List.of(rule), TARGETS).evaluate(unit, unit, week, previous, NOW, "v1");
  }

  static final AlertRule MISSED = new AlertRule("missed", Kpi.ON_TIME_RATE, Condition.MISSED_TARGET, null, null, null);
  static final AlertRule DROP = new AlertRule("drop", Kpi.ON_TIME_RATE, Condition.WORSE_THAN_PREVIOUS_WEEK, 0.05, null,
      null);
  static final AlertRule OVERDUE = new AlertRule("overdue", Kpi.OPEN_OVERDUE_END, Condition.ABOVE, null, 10.0, null);

  @Test
  void missedTargetFiresBelowTheTargetOnlyAndUsesTheUnitsOwnTarget() {
    // 150 early + 38 on time of 200 resolved: 188 / 200 = 0.94 < 0.95
    List<Firing> firings = run(MISSED, "U1", week(W, 150, 38, 12, 40, 1), null);
    assertThat(firings).hasSize(1);
    assertThat(firings.get(0).value()).isEqualTo(0.94);
    assertThat(firings.get(0).threshold()).isEqualTo(0.95);
    assertThat(firings.get(0).condition()).isEqualTo("MISSED_TARGET");
    // 190 / 200 = 0.95: the target is met
    assertThat(run(MISSED, "U1", week(W, 150, 40, 10, 40, 1), null)).isEmpty();
    // unit U2's own target is 0.90: 0.94 meets it
    assertThat(run(MISSED, "U2", week(W, 150, 38, 12, 40, 1), null)).isEmpty();
    // nothing resolved: no rate, nothing to judge
    assertThat(run(MISSED, "U1", week(W, 0, 0, 0, 40, 1), null)).isEmpty();
  }

  @Test
  void worseThanPreviousWeekFiresOnlyOnADropOfMoreThanBy() {
    WeekFigures before = week(W.minusWeeks(1), 150, 30, 20, 40, 1);   // 180 / 200 = 0.90
    // 170 / 200 = 0.85: a drop of exactly 5 points, 0.050000000000000044 in doubles: no alert
    assertThat(0.90 - 0.85).isGreaterThan(0.05);
    assertThat(run(DROP, "U1", week(W, 150, 20, 30, 40, 1), before)).isEmpty();
    // 168 / 200 = 0.84: 6 points
    List<Firing> firings = run(DROP, "U1", week(W, 150, 18, 32, 40, 1), before);
    assertThat(firings).hasSize(1);
    assertThat(firings.get(0).value()).isEqualTo(0.84);
    assertThat(firings.get(0).previous()).isEqualTo(0.90);
    assertThat(firings.get(0).threshold()).isEqualTo(0.05);
    // a rise is not worse; no previous week, nothing to compare
    assertThat(run(DROP, "U1", before, week(W.minusWeeks(2), 150, 10, 40, 40, 1))).isEmpty();
    assertThat(run(DROP, "U1", week(W, 150, 18, 32, 40, 1), null)).isEmpty();
  }

  @Test
  void worseMeansUpForKpisWhereLessIsBetter() {
    AlertRule overdueUp = new AlertRule("overdue-up", Kpi.OPEN_OVERDUE_END, Condition.WORSE_THAN_PREVIOUS_WEEK, 3.0,
        null, null);
    WeekFigures before = week(W.minusWeeks(1), 150, 40, 10, 40, 2);
    assertThat(run(overdueUp, "U1", week(W, 150, 40, 10, 40, 5), before)).isEmpty();      // +3: not more than 3
    assertThat(run(overdueUp, "U1", week(W, 150, 40, 10, 40, 6), before)).hasSize(1);     // +4
    assertThat(run(overdueUp, "U1", week(W, 150, 40, 10, 40, 0), before)).isEmpty();      // better
  }

  @Test
  void aboveAndBelowAreStrict() {
    assertThat(run(OVERDUE, "U1", week(W, 150, 40, 10, 40, 10), null)).isEmpty();
    List<Firing> firings = run(OVERDUE, "U1", week(W, 150, 40, 10, 40, 11), null);
    assertThat(firings).extracting(Firing::value, Firing::threshold).containsExactly(
        org.assertj.core.groups.Tuple.tuple(11.0, 10.0));
    AlertRule lowProgress = new AlertRule("low", Kpi.PROGRESS_766, Condition.BELOW, null, 18.0, null);
    // (150 + 40 + 40 - 10) / (200 + 40) × 20 = 220 / 240 × 20 = 18.33: not below 18
    assertThat(run(lowProgress, "U1", week(W, 150, 40, 10, 40, 10), null)).isEmpty();
    // (150 + 40 + 40 - 16) / 240 × 20 = 17.83
    assertThat(run(lowProgress, "U1", week(W, 150, 40, 10, 40, 16), null)).singleElement()
        .extracting(Firing::value).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE)
        .isCloseTo(17.8333, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void aRuleLimitedToUnitsIgnoresTheOthers() {
    AlertRule onlyU2 = new AlertRule("u2", Kpi.OPEN_OVERDUE_END, Condition.ABOVE, null, 10.0, List.of("U2"));
    assertThat(run(onlyU2, "U1", week(W, 150, 40, 10, 40, 20), null)).isEmpty();
    assertThat(run(onlyU2, "U2", week(W, 150, 40, 10, 40, 20), null)).hasSize(1);
  }
}
