package vn.hcmc.kpi.dashboard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What the console keeps per query text: exact text only, bounded, least recently used out first, long texts never. */
class KeptByTextTests {

  @Test
  void keepsByExactTextWithinItsBounds() {
    int max = 50;
    KeptByText<Optional<String>> kept = new KeptByText<>(max);
    kept.put("SELECT 1", Optional.empty());
    kept.put("COPY x TO 'y'", Optional.of("refused: COPY"));
    assertThat(kept.get("SELECT 1")).isEmpty();
    assertThat(kept.get("COPY x TO 'y'")).contains("refused: COPY");
    assertThat(kept.get("select 1")).as("another text, even if it means the same").isNull();
    assertThat(kept.get("SELECT 1 ")).isNull();

    String longText = "SELECT " + "1 + ".repeat(KeptByText.MAX_SQL_CHARS) + "1";
    kept.put(longText, Optional.empty());
    assertThat(kept.get(longText)).isNull();

    for (int i = 0; i < max; i++) {
      kept.get("SELECT 1"); // used again and again: stays
      kept.put("SELECT " + i + " AS n", Optional.empty());
    }
    assertThat(kept.size()).isEqualTo(max);
    assertThat(kept.get("SELECT 1")).isEmpty();
    assertThat(kept.get("COPY x TO 'y'")).as("the least recently used went first").isNull();
  }
}
