package vn.hcmc.kpi.dashboard.procedure;

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

/** The procedure view and the officer view, against the fixture's Parquet read with DuckDB. */
class ProcedureAndOfficerViewTests extends FixtureApp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonNode json(String path) {
    HttpResponse<String> response = Http.get(port, path);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void procedureViewHasTheUnitsWeeksTheOtherUnitsAndItsOverdueDossiers() {
    Map<String, Object> pick = row("""
        SELECT ward_code, procedure_code, week_start FROM {procedure_weekly} WHERE NOT partial
        ORDER BY open_overdue_end DESC, late DESC, ward_code, procedure_code LIMIT 1""");
    String ward = (String) pick.get("ward_code");
    String procedure = (String) pick.get("procedure_code");
    LocalDate week = (LocalDate) pick.get("week_start");
    JsonNode view = json("/api/wards/" + ward + "/procedures/" + procedure + "?week=" + week);
    List<Map<String, Object>> weeks = rows("SELECT * FROM {procedure_weekly} WHERE ward_code = ? AND procedure_code = ?"
        + " ORDER BY week_start", ward, procedure);
    assertThat(view.get("weeks").size()).isEqualTo(weeks.size());
    for (int i = 0; i < weeks.size(); i++) {
      JsonNode w = view.get("weeks").get(i);
      assertThat(w.get("weekStart").asString()).isEqualTo(weeks.get(i).get("week_start").toString());
      assertThat(w.get("figures").get("received").asLong()).isEqualTo(((Number) weeks.get(i).get("received")).longValue());
      assertThat(w.get("figures").get("late").asLong()).isEqualTo(((Number) weeks.get(i).get("late")).longValue());
    }
    assertThat(view.get("otherUnits").size()).isEqualTo(
        rows("SELECT 1 FROM {procedure_weekly} WHERE procedure_code = ? AND week_start = ?", procedure, week).size());
    assertThat(view.get("overdue").size()).isEqualTo(((Number) row("SELECT open_overdue_end FROM {procedure_weekly}"
        + " WHERE ward_code = ? AND procedure_code = ? AND week_start = ?", ward, procedure, week).get("open_overdue_end")).intValue())
        .isPositive();
    Map<String, Object> reference = row("SELECT * FROM {procedures} WHERE procedure_code = ?", procedure);
    assertThat(view.get("procedure").get("timeUnit").asString()).isEqualTo(reference.get("time_unit"));
    assertThat(view.get("procedure").get("name").asString()).isEqualTo(reference.get("name_vi"));
    assertThat(json("/api/wards/" + ward + "/procedures/" + procedure + "?lang=en").get("procedure").get("name").asString())
        .isEqualTo(reference.get("name_en"));

    HttpResponse<String> page = Http.get(port, "/wards/" + ward + "/procedures/" + procedure + "?week=" + week, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"procedure-trend\"").contains((String) reference.get("name_vi"));
    assertThat(Http.get(port, "/api/wards/" + ward + "/procedures/NO.SUCH").statusCode()).isEqualTo(404);
  }

  @Test
  void officerViewHasTheWeeksTheWeeksTasksAndTheDossiersLateOnTheirWatch() {
    Map<String, Object> pick = row("""
        SELECT o.ward_code, o.officer_id, o.week_start FROM {officer_weekly} o
        WHERE o.officer_id IN (SELECT late_officer_id FROM {dossiers})
        ORDER BY o.tasks_completed DESC, o.officer_id LIMIT 1""");
    String ward = (String) pick.get("ward_code");
    String officer = (String) pick.get("officer_id");
    LocalDate week = (LocalDate) pick.get("week_start");
    JsonNode view = json("/api/wards/" + ward + "/officers/" + officer + "?week=" + week);
    assertThat(view.get("name").asString())
        .isEqualTo(row("SELECT display_name FROM {officers} WHERE officer_id = ?", officer).get("display_name"));
    List<Map<String, Object>> weeks = rows("SELECT * FROM {officer_weekly} WHERE ward_code = ? AND officer_id = ? ORDER BY week_start",
        ward, officer);
    assertThat(view.get("weeks").size()).isEqualTo(weeks.size());
    for (int i = 0; i < weeks.size(); i++) {
      JsonNode w = view.get("weeks").get(i);
      assertThat(w.get("figures").get("tasksCompleted").asLong()).isEqualTo(((Number) weeks.get(i).get("tasks_completed")).longValue());
      assertThat(w.get("unitMedianTasksCompleted").asDouble())
          .isEqualTo(((Number) weeks.get(i).get("unit_median_tasks_completed")).doubleValue());
    }
    String from = week + " 00:00:00+07";
    String to = week.plusWeeks(1) + " 00:00:00+07";
    assertThat(view.get("tasks").size()).isEqualTo(rows("""
        SELECT 1 FROM {tasks} WHERE ward_code = ? AND officer_id = ? AND started_at < CAST(? AS TIMESTAMPTZ)
          AND (ended_at IS NULL OR ended_at >= CAST(? AS TIMESTAMPTZ))""", ward, officer, to, from).size());
    assertThat(view.get("lateDossiers").size()).isEqualTo(
        rows("SELECT 1 FROM {dossiers} WHERE ward_code = ? AND late_officer_id = ?", ward, officer).size()).isPositive();
    OffsetDateTime.parse(view.get("lateDossiers").get(0).get("becameOverdueAt").asString());

    assertThat(Http.get(port, "/wards/" + ward + "/officers/" + officer, "text/html").statusCode()).isEqualTo(200);
    // within a unit: the same officer asked for under another unit is not found
    String other = (String) row("SELECT min(ward_code) AS w FROM {ward_weekly} WHERE ward_code <> ?", ward).get("w");
    assertThat(Http.get(port, "/api/wards/" + other + "/officers/" + officer).statusCode()).isEqualTo(404);
  }
}
