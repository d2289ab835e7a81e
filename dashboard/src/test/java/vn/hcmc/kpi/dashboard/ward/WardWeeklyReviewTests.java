package vn.hcmc.kpi.dashboard.ward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.Fixture;
import vn.hcmc.kpi.dashboard.Fixture.WardWeek;
import vn.hcmc.kpi.dashboard.Http;
import vn.hcmc.kpi.dashboard.system.FigureFormat;

/** The ward weekly review page and JSON, compared with the fixture's Parquet read directly. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WardWeeklyReviewTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private static Path warehouse;
  private static WardWeek wardWeek;
  private static Map<LocalDate, Map<String, Object>> expectedWeeks;
  private static String expectedUnitName;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry registry) {
    registry.add("kpi.warehouse", () -> Fixture.warehouse().toString());
  }

  @BeforeAll
  static void readExpectedFiguresFromParquet() throws SQLException {
    warehouse = Fixture.warehouse();
    wardWeek = Fixture.completeWeekWithPrevious(warehouse);
    expectedWeeks = new HashMap<>();
    try (Connection db = Fixture.duckdb();
        PreparedStatement weeks = db.prepareStatement("SELECT * FROM " + Fixture.table(warehouse, "ward_weekly")
            + " WHERE ward_code = ?");
        PreparedStatement unit = db.prepareStatement("SELECT name FROM " + Fixture.table(warehouse, "units")
            + " WHERE unit_code = ?")) {
      weeks.setString(1, wardWeek.wardCode());
      try (ResultSet row = weeks.executeQuery()) {
        while (row.next()) {
          Map<String, Object> columns = new HashMap<>();
          for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
            columns.put(row.getMetaData().getColumnName(i), row.getObject(i));
          }
          expectedWeeks.put(row.getObject("week_start", LocalDate.class), columns);
        }
      }
      unit.setString(1, wardWeek.wardCode());
      try (ResultSet row = unit.executeQuery()) {
        expectedUnitName = row.next() ? row.getString(1) : wardWeek.wardCode();
      }
    }
  }

  @Test
  void jsonHasTheWeeksFiguresThePreviousWeekAndA12WeekTrend() {
    HttpResponse<String> response = Http.get(port, apiPath(wardWeek.wardCode(), wardWeek.weekStart()));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
    JsonNode review = JSON.readTree(response.body());

    assertThat(review.get("unit").get("code").asString()).isEqualTo(wardWeek.wardCode());
    assertThat(review.get("unit").get("name").asString()).isEqualTo(expectedUnitName);
    assertThat(review.get("weekStart").asString()).isEqualTo(wardWeek.weekStart().toString());
    assertThat(review.get("weekEnd").asString()).isEqualTo(wardWeek.weekStart().plusDays(6).toString());
    assertThat(review.get("warehouseVersion").asString()).isEqualTo(Fixture.currentVersion(warehouse));
    assertFigures(review.get("week"), expectedWeeks.get(wardWeek.weekStart()));
    assertFigures(review.get("previousWeek"), expectedWeeks.get(wardWeek.weekStart().minusWeeks(1)));
    assertThat(review.get("change").get("received").asLong()).isEqualTo(
        number(expectedWeeks.get(wardWeek.weekStart()), "received").longValue()
            - number(expectedWeeks.get(wardWeek.weekStart().minusWeeks(1)), "received").longValue());

    JsonNode trend = review.get("trend");
    assertThat(trend.size()).isEqualTo(12);
    for (int i = 0; i < 12; i++) {
      LocalDate monday = wardWeek.weekStart().minusWeeks(11 - i);
      JsonNode point = trend.get(i);
      assertThat(point.get("weekStart").asString()).isEqualTo(monday.toString());
      Map<String, Object> expected = expectedWeeks.get(monday);
      assertThat(point.get("hasData").asBoolean()).isEqualTo(expected != null);
      if (expected != null) {
        assertThat(point.get("received").asLong()).isEqualTo(number(expected, "received").longValue());
        assertThat(point.get("resolved").asLong()).isEqualTo(number(expected, "resolved").longValue());
        assertThat(point.get("partial").asBoolean()).isEqualTo(expected.get("partial"));
        assertRate(point.get("onTimeRate"), expected.get("on_time_rate"));
      }
    }
  }

  @Test
  void pageShowsTheFiguresAndTheTrendChartServedFromTheWebjar() {
    HttpResponse<String> response = Http.get(port, "/wards/" + wardWeek.wardCode() + "/weeks/" + wardWeek.weekStart(),
        "text/html");
    assertThat(response.statusCode()).isEqualTo(200);
    String page = response.body();
    assertThat(page).contains("<html lang=\"vi\"").contains(expectedUnitName)
        .containsPattern("<script src=\"/webjars/echarts/[^\"]*echarts\\.min\\.js\"></script>")
        .contains("id=\"trend-chart\"");
    Map<String, Object> week = expectedWeeks.get(wardWeek.weekStart());
    assertThat(page).contains(FigureFormat.count(number(week, "received"), VIETNAMESE))
        .contains(FigureFormat.percent((Double) week.get("on_time_rate"), VIETNAMESE))
        .contains(new FigureFormat().date(wardWeek.weekStart()));

    Matcher data = Pattern.compile("<script type=\"application/json\" id=\"ward-review-data\">(.*?)</script>",
        Pattern.DOTALL).matcher(page);
    assertThat(data.find()).isTrue();
    JsonNode review = JSON.readTree(data.group(1));
    List<String> weeks = new ArrayList<>();
    review.get("trend").forEach(point -> weeks.add(point.get("weekStart").asString()));
    List<String> expectedMondays = new ArrayList<>();
    for (int i = 11; i >= 0; i--) {
      expectedMondays.add(wardWeek.weekStart().minusWeeks(i).toString());
    }
    assertThat(weeks).isEqualTo(expectedMondays);
    assertThat(review.get("week").get("received").asLong()).isEqualTo(number(week, "received").longValue());
    // the inline data is the API's document
    assertThat(review).isEqualTo(JSON.readTree(Http.get(port, apiPath(wardWeek.wardCode(), wardWeek.weekStart())).body()));

    assertThat(Http.get(port, "/webjars/echarts/dist/echarts.min.js").statusCode()).isEqualTo(200);
  }

  @Test
  void pageSwitchesToEnglish() {
    String page = Http.get(port, "/wards/" + wardWeek.wardCode() + "/weeks/" + wardWeek.weekStart() + "?lang=en",
        "text/html").body();
    assertThat(page).contains("<html lang=\"en\"").contains("On-time rate")
        .contains(FigureFormat.percent((Double) expectedWeeks.get(wardWeek.weekStart()).get("on_time_rate"),
            Locale.ENGLISH));
  }

  @Test
  void aWeekNotStartingOnMondayIsABadRequest() {
    LocalDate tuesday = wardWeek.weekStart().plusDays(1);
    HttpResponse<String> api = Http.get(port, apiPath(wardWeek.wardCode(), tuesday));
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(api.body()).get("detail").asString()).contains("thứ Hai");
    HttpResponse<String> page = Http.get(port, "/wards/" + wardWeek.wardCode() + "/weeks/" + tuesday, "text/html");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("thứ Hai").doesNotContain("Exception");
    assertThat(Http.get(port, "/api/wards/" + wardWeek.wardCode() + "/weeks/not-a-date").statusCode()).isEqualTo(400);
  }

  @Test
  void anUnknownUnitOrAWeekWithoutDataIsNotFound() {
    HttpResponse<String> unknownUnit = Http.get(port, apiPath("no-such-unit", wardWeek.weekStart()));
    assertThat(unknownUnit.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknownUnit.body()).get("detail").asString()).contains("no-such-unit");

    LocalDate longAgo = LocalDate.of(1990, 1, 1); // a Monday
    HttpResponse<String> noData = Http.get(port, apiPath(wardWeek.wardCode(), longAgo));
    assertThat(noData.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(noData.body()).get("detail").asString()).contains("01/01/1990");
    HttpResponse<String> page = Http.get(port, "/wards/" + wardWeek.wardCode() + "/weeks/" + longAgo, "text/html");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("01/01/1990");
  }

  @Test
  void homeRedirectsToTheFirstUnitsLastCompleteWeek() throws SQLException {
    String firstWard;
    LocalDate lastComplete;
    try (Connection db = Fixture.duckdb(); ResultSet row = db.createStatement().executeQuery(
        "WITH first AS (SELECT min(ward_code) AS ward_code FROM " + Fixture.table(warehouse, "ward_weekly") + ")"
            + " SELECT w.ward_code, coalesce(max(week_start) FILTER (WHERE NOT partial), max(week_start))"
            + " FROM " + Fixture.table(warehouse, "ward_weekly") + " w JOIN first USING (ward_code) GROUP BY 1")) {
      row.next();
      firstWard = row.getString(1);
      lastComplete = row.getObject(2, LocalDate.class);
    }
    HttpResponse<String> home = Http.get(port, "/", "text/html");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/wards/" + firstWard + "/weeks/" + lastComplete));

    HttpResponse<String> ward = Http.get(port, "/wards/" + firstWard, "text/html");
    assertThat(ward.statusCode()).isEqualTo(302);
    assertThat(ward.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/wards/" + firstWard + "/weeks/" + lastComplete));
    assertThat(Http.get(port, "/wards/no-such-unit", "text/html").statusCode()).isEqualTo(404);
  }

  @Test
  void unknownPathsGetTheErrorPageWithoutStackTrace() {
    HttpResponse<String> response = Http.get(port, "/no/such/page", "text/html");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("404").doesNotContain("at org.springframework").doesNotContain("Whitelabel");
  }

  private static String apiPath(String wardCode, LocalDate weekStart) {
    return "/api/wards/" + wardCode + "/weeks/" + weekStart;
  }

  private static void assertFigures(JsonNode figures, Map<String, Object> expected) {
    assertThat(figures.get("weekStart").asString()).isEqualTo(expected.get("week_start").toString());
    assertThat(figures.get("partial").asBoolean()).isEqualTo(expected.get("partial"));
    for (String[] names : new String[][] {{"received", "received"}, {"resolved", "resolved"}, {"early", "early"},
        {"onTime", "on_time"}, {"late", "late"}, {"openEnd", "open_end"}, {"openOverdueEnd", "open_overdue_end"}}) {
      assertThat(figures.get(names[0]).asLong()).as(names[0]).isEqualTo(number(expected, names[1]).longValue());
    }
    assertRate(figures.get("onTimeRate"), expected.get("on_time_rate"));
    assertRate(figures.get("progress766"), expected.get("progress_766"));
  }

  private static void assertRate(JsonNode actual, Object expected) {
    if (expected == null) {
      assertThat(actual.isNull()).isTrue();
    } else {
      assertThat(actual.asDouble()).isCloseTo(((Number) expected).doubleValue(), within(1e-12));
    }
  }

  private static Number number(Map<String, Object> row, String column) {
    return (Number) row.get(column);
  }
}
