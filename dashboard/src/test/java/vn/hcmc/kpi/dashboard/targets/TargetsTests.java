package vn.hcmc.kpi.dashboard.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Status colours and Decision 766's scoring rule, on values worked out by hand. */
class TargetsTests {

  static final Target ON_TIME = new Target(Kpi.ON_TIME_RATE, null, 0.95, null, 0.90, null);
  static final Target OVERDUE_SHARE = new Target(Kpi.OPEN_OVERDUE_SHARE, null, null, 0.02, 0.05, null);
  static final Target ONLINE = new Target(Kpi.ONLINE_RATE, null, 0.80, null, null, 4.0);

  @Test
  void atLeastTargetsAreGreenFromTheTargetAmberDownToTheAmberEdgeThenRed() {
    assertThat(ON_TIME.status(0.97)).isEqualTo(Status.GREEN);
    assertThat(ON_TIME.status(0.95)).isEqualTo(Status.GREEN);
    assertThat(ON_TIME.status(190.0 / 200)).isEqualTo(Status.GREEN);
    assertThat(ON_TIME.status(0.9499)).isEqualTo(Status.AMBER);
    assertThat(ON_TIME.status(0.90)).isEqualTo(Status.AMBER);
    assertThat(ON_TIME.status(0.8999)).isEqualTo(Status.RED);
    assertThat(ON_TIME.status(null)).isEqualTo(Status.NONE);
  }

  @Test
  void atMostTargetsMirrorThat() {
    assertThat(OVERDUE_SHARE.status(0.0)).isEqualTo(Status.GREEN);
    assertThat(OVERDUE_SHARE.status(2.0 / 100)).isEqualTo(Status.GREEN);
    assertThat(OVERDUE_SHARE.status(3.0 / 100)).isEqualTo(Status.AMBER);
    assertThat(OVERDUE_SHARE.status(5.0 / 100)).isEqualTo(Status.AMBER);
    assertThat(OVERDUE_SHARE.status(6.0 / 100)).isEqualTo(Status.RED);
  }

  @Test
  void decision766ScoringGivesAllPointsAtTheTargetElseRatioTimesPointsOverTarget() {
    // 4 points for an online rate of at least 80 %: 60 % earns 0.60 × 4 / 0.80 = 3 points
    assertThat(ONLINE.score(0.60)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(ONLINE.score(0.20)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(ONLINE.score(0.80)).isEqualTo(4.0);
    assertThat(ONLINE.score(0.95)).isEqualTo(4.0);
    assertThat(ONLINE.score(null)).isNull();
    assertThat(ON_TIME.score(0.5)).as("no points configured").isNull();
    // without an amber band a missed target is red
    assertThat(ONLINE.status(0.79)).isEqualTo(Status.RED);
  }

  @Test
  void aUnitsOwnTargetReplacesTheCityWideOne() {
    Targets targets = new Targets(new TargetSettings(List.of(ON_TIME,
        new Target(Kpi.ON_TIME_RATE, "27364", 0.90, null, null, null))));
    assertThat(targets.of(Kpi.ON_TIME_RATE, "26782").orElseThrow().atLeast()).isEqualTo(0.95);
    assertThat(targets.of(Kpi.ON_TIME_RATE, "27364").orElseThrow().atLeast()).isEqualTo(0.90);
    assertThat(targets.of(Kpi.PROGRESS_766, "26782")).isEmpty();
  }

  @Test
  void badTargetsStopTheStartUp() {
    assertThatThrownBy(() -> new Target(Kpi.ON_TIME_RATE, null, 0.95, 0.99, null, null))
        .hasMessageContaining("exactly one of at-least or at-most");
    assertThatThrownBy(() -> new Target(Kpi.ON_TIME_RATE, null, 0.95, null, 0.97, null))
        .hasMessageContaining("amber");
    assertThatThrownBy(() -> new Target(Kpi.OPEN_OVERDUE_SHARE, null, null, 0.02, null, 3.0))
        .hasMessageContaining("points");
    assertThatThrownBy(() -> new Targets(new TargetSettings(List.of(ON_TIME, ON_TIME))))
        .hasMessageContaining("two targets");
  }
}
