package vn.hcmc.kpi.dashboard.ward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.FixtureApp;
import vn.hcmc.kpi.dashboard.Http;

/**
 * The at-risk list (sắp trễ) of the ward review and its API, against the fixture's Parquet read
 * directly: open and in time at the week's end, not waiting for a supplement, due by the next working
 * day; that day taken from the published holidays (Tết 2026).
 */
class AtRiskTests extends FixtureApp {

  static final JsonMapper JSON = JsonMapper.builder().build();

  JsonNode review(String ward, String week) {
    return JSON.readTree(Http.get(port, "/api/wards/" + ward + "/weeks/" + week, "application/json").body());
  }

  @Test
  void theNextWorkingDayComesFromThePublishedCalendar() {
    // the week of 09/02/2026 ends at 00:00 on Monday 16/02, the first day of Tết (16-20/02): next working day 23/02
    assertThat(review(unitA(), "2026-02-09").get("dueBy").asString()).isEqualTo("2026-02-23");
    // an ordinary week: judged Monday 30/03 00:00, due by Tuesday 31/03
    assertThat(review(unitA(), "2026-03-23").get("dueBy").asString()).isEqualTo("2026-03-31");
  }

  @Test
  void theListIsExactlyTheOpenInTimeDossiersDueByTheNextWorkingDay() {
    int total = 0;
    for (String week : List.of("2026-02-09", "2026-03-16", "2026-03-23")) {
      JsonNode review = review(unitA(), week);
      String at = review.get("judgedAt").asString();
      String dueBy = review.get("dueBy").asString();
      // independently: no supplement pending at T, due date (moved by the pauses closed before T) by dueBy
      Set<String> expected = rows("""
          SELECT d.dossier_id FROM {dossiers} d
          WHERE d.ward_code = ? AND d.received_at <= CAST(? AS TIMESTAMPTZ)
            AND coalesce(d.ended_at > CAST(? AS TIMESTAMPTZ), true)
            AND coalesce(d.became_overdue_at > CAST(? AS TIMESTAMPTZ), true)
            AND CAST(d.due_date + 1 AS TIMESTAMPTZ) + coalesce((SELECT sum(p.counted_seconds) FROM {pauses} p
                   WHERE p.dossier_id = d.dossier_id AND p.closed_at <= CAST(? AS TIMESTAMPTZ)), 0) * INTERVAL 1 SECOND
                BETWEEN CAST(? AS TIMESTAMPTZ) + INTERVAL 1 MICROSECOND AND CAST(CAST(? AS DATE) + 1 AS TIMESTAMPTZ)
            AND (SELECT count(*) FILTER (WHERE event_type = 'SUPPLEMENT_REQUESTED')
                      - count(*) FILTER (WHERE event_type = 'SUPPLEMENT_RECEIVED')
                 FROM {events} e WHERE e.dossier_id = d.dossier_id AND e.occurred_at <= CAST(? AS TIMESTAMPTZ)) = 0""",
          unitA(), at, at, at, at, at, dueBy, at).stream().map(r -> (String) r.get("dossier_id"))
          .collect(Collectors.toSet());
      Set<String> listed = review.get("atRisk").valueStream().map(d -> d.get("dossierId").asString())
          .collect(Collectors.toSet());
      assertThat(listed).as(week).isEqualTo(expected);
      Set<String> overdue = review.get("overdue").valueStream().map(d -> d.get("dossierId").asString())
          .collect(Collectors.toSet());
      assertThat(listed).as("never both late and at risk").doesNotContainAnyElementsOf(overdue);
      review.get("atRisk").forEach(d -> {
        assertThat(LocalDate.parse(d.get("dueDate").asString())).isBeforeOrEqualTo(LocalDate.parse(dueBy));
        assertThat(d.get("procedureName").asString()).isNotBlank();
        assertThat(d.has("holderOfficerId")).isTrue();
      });
      total += listed.size();
    }
    assertThat(total).as("the fixture has dossiers at risk").isPositive();
  }

  @Test
  void thePageListsThemWithTheHolderAndColoursTheTargets() {
    Map<String, Object> week = row("SELECT week_start FROM {ward_weekly} WHERE ward_code = ? AND NOT partial "
        + "ORDER BY week_start DESC LIMIT 1", unitA());
    JsonNode review = review(unitA(), week.get("week_start").toString());
    String page = Http.as(LEADER_A, port, "/wards/" + unitA() + "/weeks/" + week.get("week_start"), "text/html").body();
    assertThat(page).contains("id=\"at-risk\"").contains("id=\"targets\"").contains("id=\"alerts\"");
    review.get("atRisk").forEach(d -> assertThat(page).contains(d.get("dossierId").asString()));
    review.get("targets").forEach(t -> assertThat(page).contains("data-kpi=\"" + t.get("kpi").asString() + "\""));
    assertThat(page).containsPattern("status-(green|amber|red)");
  }
}
