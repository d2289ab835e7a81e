package vn.hcmc.kpi.dashboard.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.FixtureApp;
import vn.hcmc.kpi.dashboard.Http;

/** GET /api/city/weeks/{weekStart} and the page, against the fixture's Parquet read with DuckDB. */
class CityComparisonTests extends FixtureApp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonNode city(String query) {
    HttpResponse<String> response = Http.get(port, "/api/city/weeks/" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static LocalDate lastCompleteWeek() {
    return (LocalDate) row("SELECT max(week_start) AS w FROM {ward_weekly} WHERE NOT partial").get("w");
  }

  @Test
  void oneWeekHasEveryUnitWithDataWithTheFiguresOfWardWeekly() {
    LocalDate week = lastCompleteWeek();
    JsonNode city = city(week.toString());
    List<Map<String, Object>> expected = rows("SELECT * FROM {ward_weekly} WHERE week_start = ?", week);
    assertThat(city.get("units").size()).isEqualTo(expected.size()).isPositive();
    for (Map<String, Object> e : expected) {
      JsonNode unit = find(city, (String) e.get("ward_code"));
      for (String[] column : new String[][] {{"received", "received"}, {"resolved", "resolved"}, {"late", "late"},
          {"openEnd", "open_end"}, {"openOverdueEnd", "open_overdue_end"}, {"integrationErrors", "integration_errors"}}) {
        assertThat(unit.get(column[0]).asLong()).as(column[0]).isEqualTo(((Number) e.get(column[1])).longValue());
      }
      // the rates recomputed from the sums are the ETL's for one week
      for (String[] column : new String[][] {{"onTimeRate", "on_time_rate"}, {"progress766", "progress_766"},
          {"overdueRate", "overdue_rate"}, {"resolvedPerOfficer", "resolved_per_officer"},
          {"integrationErrorRate", "integration_error_rate"}, {"afterHoursShare", "after_hours_share"}}) {
        assertClose(unit.get(column[0]), e.get(column[1]));
      }
      assertThat(unit.get("loadPerOfficer").asDouble()).isCloseTo(
          ((Number) e.get("received")).doubleValue() / ((Number) e.get("active_officers")).doubleValue(), within(1e-9));
    }
    assertThat(city.get("unitsInFilter").asLong()).isEqualTo(((Number) row("SELECT count(*) AS n FROM {units}").get("n")).longValue());
  }

  @Test
  void unitsAreRankedByProgressScoreByDefaultAndByAnyKpiOnRequest() {
    LocalDate week = lastCompleteWeek();
    JsonNode byProgress = city(week.toString());
    assertThat(byProgress.get("rankBy").asString()).isEqualTo("progress766");
    List<String> expected = new ArrayList<>();
    rows("SELECT ward_code FROM {ward_weekly} WHERE week_start = ? ORDER BY progress_766 DESC NULLS LAST, ward_code", week)
        .forEach(r -> expected.add((String) r.get("ward_code")));
    assertThat(codes(byProgress)).isEqualTo(expected);
    assertThat(byProgress.get("units").get(0).get("rank").asInt()).isEqualTo(1);

    JsonNode byLoad = city(week + "?rankBy=loadPerOfficer");
    List<String> expectedByLoad = new ArrayList<>();
    rows("SELECT ward_code FROM {ward_weekly} WHERE week_start = ? ORDER BY received / active_officers DESC, ward_code", week)
        .forEach(r -> expectedByLoad.add((String) r.get("ward_code")));
    assertThat(codes(byLoad)).isEqualTo(expectedByLoad);
    assertThat(Http.get(port, "/api/city/weeks/" + week + "?rankBy=nonsense").statusCode()).isEqualTo(400);
  }

  @Test
  void aRangeSumsCountsTakesOpenDossiersFromItsLastWeekAndRecomputesTheScore() {
    LocalDate until = lastCompleteWeek();
    LocalDate from = until.minusWeeks(3);
    JsonNode city = city(from + "?until=" + until);
    List<Map<String, Object>> expected = rows("""
        SELECT ward_code, CAST(sum(received) AS BIGINT) AS received, CAST(sum(early + on_time) AS BIGINT) AS good,
               CAST(sum(resolved) AS BIGINT) AS resolved, CAST(sum(integration_errors) AS BIGINT) AS errors,
               arg_max(open_end, week_start) AS open_end, arg_max(open_overdue_end, week_start) AS overdue
        FROM {ward_weekly} WHERE week_start BETWEEN ? AND ? GROUP BY ward_code""", from, until);
    assertThat(city.get("units").size()).isEqualTo(expected.size());
    for (Map<String, Object> e : expected) {
      JsonNode unit = find(city, (String) e.get("ward_code"));
      assertThat(unit.get("received").asLong()).isEqualTo(((Number) e.get("received")).longValue());
      assertThat(unit.get("integrationErrors").asLong()).isEqualTo(((Number) e.get("errors")).longValue());
      long resolved = ((Number) e.get("resolved")).longValue();
      long open = ((Number) e.get("open_end")).longValue();
      long overdue = ((Number) e.get("overdue")).longValue();
      long good = ((Number) e.get("good")).longValue();
      assertThat(unit.get("progress766").asDouble()).isCloseTo((good + open - overdue) * 20.0 / (resolved + open), within(1e-9));
    }
  }

  @Test
  void filtersSelectUnitsByFormerProvinceAndKind() {
    LocalDate week = lastCompleteWeek();
    Map<String, Object> some = row("""
        SELECT u.former_province, u.kind FROM {ward_weekly} w JOIN {units} u ON u.unit_code = w.ward_code
        WHERE w.week_start = ? ORDER BY w.ward_code LIMIT 1""", week);
    String province = (String) some.get("former_province");
    JsonNode filtered = city(week + "?formerProvince=" + URLEncoder.encode(province, StandardCharsets.UTF_8) + "&kind=" + some.get("kind"));
    long expected = ((Number) row("""
        SELECT count(*) AS n FROM {ward_weekly} w JOIN {units} u ON u.unit_code = w.ward_code
        WHERE w.week_start = ? AND u.former_province = ? AND u.kind = ?""", week, province, some.get("kind")).get("n")).longValue();
    assertThat(filtered.get("units").size()).isEqualTo((int) expected);
    filtered.get("units").forEach(u -> assertThat(u.get("formerProvince").asString()).isEqualTo(province));
    JsonNode none = city(week + "?kind=dac_khu");
    long zones = ((Number) row("""
        SELECT count(*) AS n FROM {ward_weekly} w JOIN {units} u ON u.unit_code = w.ward_code
        WHERE w.week_start = ? AND u.kind = 'dac_khu'""", week).get("n")).longValue();
    assertThat(none.get("units").size()).isEqualTo((int) zones);
    assertThat(none.get("unitsInFilter").asLong()).isEqualTo(((Number) row("SELECT count(*) AS n FROM {units} WHERE kind = 'dac_khu'").get("n")).longValue());
  }

  @Test
  void integrationErrorsByHourAreTheSelectedWeeksHourlyErrors() {
    LocalDate week = lastCompleteWeek();
    JsonNode hours = city(week.toString()).get("integrationErrorsByHour");
    assertThat(hours.size()).isEqualTo(24);
    for (Map<String, Object> e : rows("SELECT hour, CAST(sum(integration_errors) AS BIGINT) AS n FROM {ward_hourly}"
        + " WHERE week_start = ? GROUP BY hour", week)) {
      assertThat(hours.get(((Number) e.get("hour")).intValue()).asLong()).isEqualTo(((Number) e.get("n")).longValue());
    }
  }

  @Test
  void badRequestsAndPageAndExports() {
    LocalDate week = lastCompleteWeek();
    assertThat(Http.get(port, "/api/city/weeks/" + week.plusDays(1)).statusCode()).isEqualTo(400);
    assertThat(Http.get(port, "/api/city/weeks/" + week + "?until=" + week.minusWeeks(1)).statusCode()).isEqualTo(400);
    assertThat(Http.get(port, "/api/city/weeks/1990-01-01").statusCode()).isEqualTo(404);
    HttpResponse<String> redirect = Http.get(port, "/city", "text/html");
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/city/weeks/" + week);
    HttpResponse<String> page = Http.get(port, "/city/weeks/" + week, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"scatter-chart\"").contains("id=\"city-table\"");
    HttpResponse<String> csv = Http.get(port, "/city/weeks/" + week + "/export.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body().split("\r\n")).hasSize(rows("SELECT 1 FROM {ward_weekly} WHERE week_start = ?", week).size() + 1);
    assertThat(Http.get(port, "/city/weeks/" + week + "/export.xlsx").statusCode()).isEqualTo(200);
  }

  private static JsonNode find(JsonNode city, String code) {
    for (JsonNode unit : city.get("units")) {
      if (unit.get("code").asString().equals(code)) {
        return unit;
      }
    }
    throw new AssertionError("no unit " + code);
  }

  private static List<String> codes(JsonNode city) {
    List<String> codes = new ArrayList<>();
    city.get("units").forEach(unit -> codes.add(unit.get("code").asString()));
    return codes;
  }

  private static void assertClose(JsonNode actual, Object expected) {
    if (expected == null) {
      assertThat(actual.isNull()).isTrue();
    } else {
      assertThat(actual.asDouble()).isCloseTo(((Number) expected).doubleValue(), within(1e-9));
    }
  }
}
