package vn.hcmc.kpi.dashboard.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.FixtureApp;
import vn.hcmc.kpi.dashboard.Http;

/** GET /api/dossiers/{dossierId} and the page, against the fixture's Parquet read with DuckDB. */
class DossierTimelineTests extends FixtureApp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonNode timeline(String id, String lang) {
    HttpResponse<String> response = Http.get(port, "/api/dossiers/" + id + "?lang=" + lang);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void aDossierWithSupplementsHasItsFactsEventsHoldersAndPauses() {
    Map<String, Object> d = row("""
        SELECT * FROM {dossiers} WHERE supplement_count > 0 AND ended_at IS NOT NULL
        ORDER BY supplement_count DESC, dossier_id LIMIT 1""");
    String id = (String) d.get("dossier_id");
    JsonNode t = timeline(id, "vi");
    JsonNode facts = t.get("dossier");
    assertThat(facts.get("wardCode").asString()).isEqualTo(d.get("ward_code"));
    assertThat(facts.get("verdict").asString()).isEqualTo(d.get("verdict"));
    assertThat(facts.get("dueDate").asString()).isEqualTo(d.get("due_date").toString());
    assertThat(facts.get("pausedSeconds").asLong()).isEqualTo(((Number) d.get("paused_seconds")).longValue());
    // instants in local time, the same instant as the Parquet's
    assertThat(OffsetDateTime.parse(facts.get("receivedAt").asString()).toInstant())
        .isEqualTo(((OffsetDateTime) d.get("received_at")).toInstant());
    assertThat(facts.get("receivedAt").asString()).endsWith("+07:00");

    List<Map<String, Object>> events = rows("SELECT event_type FROM {events} WHERE dossier_id = ? ORDER BY occurred_at, line", id);
    assertThat(t.get("events").size()).isEqualTo(events.size());
    for (int i = 0; i < events.size(); i++) {
      assertThat(t.get("events").get(i).get("type").asString()).isEqualTo(events.get(i).get("event_type"));
    }
    assertThat(t.get("holders").size()).isEqualTo(rows("SELECT 1 FROM {tasks} WHERE dossier_id = ?", id).size());
    long requests = rows("SELECT 1 FROM {events} WHERE dossier_id = ? AND event_type = 'SUPPLEMENT_REQUESTED'", id).size();
    assertThat(t.get("pauses").size()).isPositive().isLessThanOrEqualTo((int) requests);
    assertThat(t.get("why").size()).isPositive();
    assertThat(t.get("why").get(0).asString()).contains(
        ((LocalDate) d.get("due_date")).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
  }

  @Test
  void anOpenOverdueDossierExplainsSinceWhenAndTheAxisEndsAtTheAsOfTime() {
    Map<String, Object> d = row("SELECT dossier_id FROM {dossiers} WHERE verdict = 'OPEN_OVERDUE' ORDER BY dossier_id LIMIT 1");
    JsonNode t = timeline((String) d.get("dossier_id"), "en");
    assertThat(t.get("dossier").get("endedAt").isNull()).isTrue();
    assertThat(t.get("timeAxisEnd").asString()).isEqualTo(t.get("asOf").asString());
    assertThat(String.join(" ", t.get("why").valueStream().map(JsonNode::asString).toList())).contains("overdue since");
    OffsetDateTime asOf = (OffsetDateTime) row("SELECT max(as_of) AS a FROM {runs}").get("a");
    assertThat(OffsetDateTime.parse(t.get("asOf").asString()).toInstant()).isEqualTo(asOf.toInstant());
  }

  @Test
  void unknownDossierIsNotFoundAndThePageRenders() {
    HttpResponse<String> missing = Http.get(port, "/api/dossiers/no-such-dossier");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).get("detail").asString()).contains("no-such-dossier");
    assertThat(Http.get(port, "/dossiers/no-such-dossier", "text/html").statusCode()).isEqualTo(404);
    String id = (String) row("SELECT dossier_id FROM {dossiers} ORDER BY dossier_id LIMIT 1").get("dossier_id");
    HttpResponse<String> page = Http.get(port, "/dossiers/" + id, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(id).contains("id=\"timeline-chart\"").contains("id=\"dossier-data\"");
  }
}
