package vn.hcmc.kpi.dashboard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The guard's kept verdicts: exact text only, bounded, least recently used out first, long texts never kept. */
class VerdictsTests {

  @Test
  void keepsVerdictsByExactTextWithinItsBounds() {
    SqlSandbox.Verdicts verdicts = new SqlSandbox.Verdicts();
    verdicts.put("SELECT 1", Optional.empty());
    verdicts.put("COPY x TO 'y'", Optional.of("refused: COPY"));
    assertThat(verdicts.get("SELECT 1")).isEmpty();
    assertThat(verdicts.get("COPY x TO 'y'")).contains("refused: COPY");
    assertThat(verdicts.get("select 1")).as("another text, even if it means the same").isNull();
    assertThat(verdicts.get("SELECT 1 ")).isNull();

    String longText = "SELECT " + "1 + ".repeat(SqlSandbox.Verdicts.MAX_SQL_CHARS) + "1";
    verdicts.put(longText, Optional.empty());
    assertThat(verdicts.get(longText)).isNull();

    for (int i = 0; i < SqlSandbox.Verdicts.MAX_ENTRIES; i++) {
      verdicts.get("SELECT 1"); // used again and again: stays
      verdicts.put("SELECT " + i + " AS n", Optional.empty());
    }
    assertThat(verdicts.size()).isEqualTo(SqlSandbox.Verdicts.MAX_ENTRIES);
    assertThat(verdicts.get("SELECT 1")).isEmpty();
    assertThat(verdicts.get("COPY x TO 'y'")).as("the least recently used went first").isNull();
  }
}
