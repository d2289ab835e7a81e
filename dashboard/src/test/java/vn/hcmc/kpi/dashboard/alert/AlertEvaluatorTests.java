package vn.hcmc.kpi.dashboard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hcmc.kpi.dashboard.Fixture;
import vn.hcmc.kpi.dashboard.alert.AlertRule.Condition;
import vn.hcmc.kpi.dashboard.system.StateDirectory;
import vn.hcmc.kpi.dashboard.targets.Kpi;
import vn.hcmc.kpi.dashboard.targets.Target;
import vn.hcmc.kpi.dashboard.targets.TargetSettings;
import vn.hcmc.kpi.dashboard.targets.Targets;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/**
 * The evaluator on a hand-made warehouse (a {@code ward_weekly} of two units written to Parquet): which
 * weeks are checked, exactly which rules fire, and that a version is evaluated once and a rule, unit and
 * week fire once across versions.
 */
class AlertEvaluatorTests {

  @TempDir
  Path dir;
  Warehouse warehouse;
  AlertStore store;
  AlertEvaluator evaluator;

  static final List<AlertRule> RULES = List.of(
      new AlertRule("missed", Kpi.ON_TIME_RATE, Condition.MISSED_TARGET, null, null, null),
      new AlertRule("drop", Kpi.ON_TIME_RATE, Condition.WORSE_THAN_PREVIOUS_WEEK, 0.05, null, null),
      new AlertRule("overdue", Kpi.OPEN_OVERDUE_END, Condition.ABOVE, null, 10.0, null));

  /**
   * Unit A: weeks of 02/03 (on time 190/200 = 0.95), 09/03 (180/200 = 0.90, overdue 12), 16/03 (198/200
   * = 0.99), 23/03 partial (100/200 = 0.50, overdue 30). Unit B: 09/03 (0.96), 16/03 (0.96, overdue 11).
   */
  static final String WEEKS = """
      SELECT * FROM (VALUES
        ('A', DATE '2026-03-02', false, 190, 200, 5),
        ('A', DATE '2026-03-09', false, 180, 200, 12),
        ('A', DATE '2026-03-16', false, 198, 200, 2),
        ('A', DATE '2026-03-23', true,  100, 200, 30),
        ('B', DATE '2026-03-09', false, 192, 200, 0),
        ('B', DATE '2026-03-16', false, 192, 200, 11)) t(ward_code, week_start, partial, good, resolved, overdue)""";

  @BeforeEach
  void setUp() throws Exception {
    publish("v1", WEEKS);
    warehouse = new Warehouse(dir.resolve("wh"), Duration.ZERO);
    store = new AlertStore(new StateDirectory(dir.resolve("state"), warehouse));
    evaluator = evaluatorAt("2026-03-23T07:00:00+07:00");
  }

  /** Evaluating at {@code now}: the weeks over by then are checked. */
  AlertEvaluator evaluatorAt(String now) {
    Targets targets = new Targets(new TargetSettings(List.of(new Target(Kpi.ON_TIME_RATE, null, 0.95, null, null, null))));
    return new AlertEvaluator(warehouse, store, targets, new AlertSettings(RULES, 2, null),
        Clock.fixed(java.time.OffsetDateTime.parse(now).toInstant(), ZoneId.of("Asia/Ho_Chi_Minh")));
  }

  @AfterEach
  void tearDown() {
    warehouse.close();
  }

  @Test
  void firesExactlyTheRulesThatHoldOnTheLastCompleteWeeks() {
    List<Firing> firings = evaluator.evaluateCurrent();
    // Monday 23/03 07:00, lookback 2: A's 09/03 and 16/03 (02/03 is older, 23/03 under way), B's 09/03 and 16/03.
    // A 09/03: 0.90 < 0.95 (missed); 0.95 -> 0.90 is exactly 5 points (no drop alert); 12 > 10 overdue.
    // A 16/03: 0.99, 2 overdue: nothing. B 09/03: 0.96, nothing. B 16/03: 11 > 10.
    assertThat(firings).extracting(f -> f.unitCode() + " " + f.weekStart() + " " + f.ruleId())
        .containsExactlyInAnyOrder("A 2026-03-09 missed", "A 2026-03-09 overdue", "B 2026-03-16 overdue");
    Firing missed = firings.stream().filter(f -> f.ruleId().equals("missed")).findFirst().orElseThrow();
    assertThat(missed.value()).isEqualTo(0.90);
    assertThat(missed.threshold()).isEqualTo(0.95);
    assertThat(missed.unitName()).isEqualTo("Unit A");
    assertThat(missed.warehouseVersion()).isEqualTo("v1");
    assertThat(store.of("A", LocalDate.parse("2026-03-09"))).hasSize(2);
  }

  @Test
  void eachVersionIsEvaluatedOnceAndEachFiringStoredOnce() throws Exception {
    assertThat(evaluator.evaluateCurrent()).hasSize(3);
    assertThat(evaluator.evaluateCurrent()).as("same version again").isEmpty();
    // a rerun of the ETL on the same data publishes v2: evaluated, nothing new
    publish("v2", WEEKS);
    assertThat(evaluator.evaluateCurrent()).isEmpty();
    assertThat(store.isEvaluated("v2")).isTrue();
    // a week later, v3: week 23/03 of A is over, 0.93 (186/200) after 0.99: missed, and a drop of 6 points
    publish("v3", WEEKS.replace("('A', DATE '2026-03-23', true,  100, 200, 30)",
        "('A', DATE '2026-03-23', false, 186, 200, 3)"));
    assertThat(evaluatorAt("2026-03-30T07:00:00+07:00").evaluateCurrent()).extracting(f -> f.unitCode() + " " + f.weekStart() + " " + f.ruleId()
        + " " + f.warehouseVersion())
        .containsExactlyInAnyOrder("A 2026-03-23 missed v3", "A 2026-03-23 drop v3");
    // the store keeps them across restarts (a new store reads the files)
    AlertStore reopened = new AlertStore(new StateDirectory(dir.resolve("state"), warehouse));
    assertThat(reopened.find(null, null)).hasSize(5);
    assertThat(reopened.isEvaluated("v1")).isTrue();
  }

  /** Writes version {@code id} with a {@code ward_weekly} from {@code weeks} and units A, B; publishes it. */
  void publish(String id, String weeks) throws Exception {
    Path version = dir.resolve("wh/versions/" + id);
    Files.createDirectories(version.resolve("ward_weekly"));
    Files.createDirectories(version.resolve("units"));
    try (Connection db = Fixture.duckdb(); Statement sql = db.createStatement()) {
      sql.execute("""
          COPY (SELECT ward_code, week_start, partial, CAST(resolved AS BIGINT) AS received,
                  CAST(resolved AS BIGINT) AS resolved, CAST(good AS BIGINT) AS early, CAST(0 AS BIGINT) AS on_time,
                  CAST(resolved - good AS BIGINT) AS late, good / resolved AS on_time_rate,
                  CAST(40 AS BIGINT) AS open_end, CAST(overdue AS BIGINT) AS open_overdue_end,
                  (resolved - good + overdue) / (resolved + 40) AS overdue_rate,
                  20.0 * (good + 40 - overdue) / (resolved + 40) AS progress_766,
                  CAST(0 AS BIGINT) AS received_online, CAST(resolved AS BIGINT) AS received_counter,
                  CAST(0 AS BIGINT) AS received_post, CAST(10 AS BIGINT) AS active_officers,
                  resolved / 10.0 AS resolved_per_officer, CAST(0 AS BIGINT) AS integration_errors,
                  0.0 AS integration_error_rate, 0.1 AS after_hours_share, CAST(0 AS BIGINT) AS apologies
                FROM (%s)) TO '%s' (FORMAT parquet)""".formatted(weeks, version.resolve("ward_weekly/part-0.parquet")));
      sql.execute("COPY (SELECT * FROM (VALUES ('A', 'Unit A'), ('B', 'Unit B')) t(unit_code, name)) TO '"
          + version.resolve("units/part-0.parquet") + "' (FORMAT parquet)");
    }
    Files.writeString(dir.resolve("wh/CURRENT.tmp"), id + "\n");
    Files.move(dir.resolve("wh/CURRENT.tmp"), dir.resolve("wh/CURRENT"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
