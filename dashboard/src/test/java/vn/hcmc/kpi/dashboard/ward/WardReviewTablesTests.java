package vn.hcmc.kpi.dashboard.ward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.FixtureApp;
import vn.hcmc.kpi.dashboard.Http;

/** The review's tables and exports against the fixture's Parquet read directly with DuckDB. */
class WardReviewTablesTests extends FixtureApp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonNode review(String ward, LocalDate week) {
    HttpResponse<String> response = Http.get(port, "/api/wards/" + ward + "/weeks/" + week);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<Map<String, Object>> allWeeks() {
    return rows("SELECT ward_code, week_start, open_overdue_end FROM {ward_weekly} ORDER BY ward_code, week_start");
  }

  @Test
  void overdueListHasExactlyTheWeeksOpenOverdueCountForEveryUnitAndWeek() {
    // ward_weekly.open_overdue_end is the ETL's own count; the list is queried independently from dossiers
    for (Map<String, Object> week : allWeeks()) {
      JsonNode overdue = review((String) week.get("ward_code"), (LocalDate) week.get("week_start")).get("overdue");
      assertThat(overdue.size()).as(week.toString()).isEqualTo(((Number) week.get("open_overdue_end")).intValue());
      overdue.forEach(d -> assertThat(d.get("daysOverdue").asLong()).isPositive());
    }
  }

  @Test
  void overdueDossiersCarryTheirDueDateAndTheHolderAtThatInstant() {
    Map<String, Object> pick = row("SELECT ward_code, week_start FROM {ward_weekly} WHERE NOT partial"
        + " ORDER BY open_overdue_end DESC, ward_code LIMIT 1");
    LocalDate week = (LocalDate) pick.get("week_start");
    String end = week.plusWeeks(1) + " 00:00:00+07";
    JsonNode overdue = review((String) pick.get("ward_code"), week).get("overdue");
    for (JsonNode d : overdue) {
      Map<String, Object> facts = row("""
          SELECT d.due_date, greatest(1, ceil((epoch(CAST(? AS TIMESTAMPTZ)) - epoch(d.became_overdue_at)) / 86400)) AS days,
                 (SELECT t.officer_id FROM {tasks} t WHERE t.dossier_id = d.dossier_id
                 AND t.started_at <= CAST(? AS TIMESTAMPTZ) AND (t.ended_at IS NULL OR t.ended_at > CAST(? AS TIMESTAMPTZ))) AS holder,
                 o.display_name
          FROM {dossiers} d LEFT JOIN {officers} o ON o.officer_id = (SELECT t.officer_id FROM {tasks} t
                 WHERE t.dossier_id = d.dossier_id AND t.started_at <= CAST(? AS TIMESTAMPTZ)
                 AND (t.ended_at IS NULL OR t.ended_at > CAST(? AS TIMESTAMPTZ)))
          WHERE d.dossier_id = ?""", end, end, end, end, end, d.get("dossierId").asString());
      LocalDate due = (LocalDate) facts.get("due_date");
      assertThat(d.get("dueDate").asString()).isEqualTo(due.toString());
      assertThat(d.get("daysOverdue").asLong()).isEqualTo(((Number) facts.get("days")).longValue());
      assertThat(d.get("holderOfficerId").isNull() ? null : d.get("holderOfficerId").asString()).isEqualTo(facts.get("holder"));
      assertThat(d.get("holderName").isNull() ? null : d.get("holderName").asString()).isEqualTo(facts.get("display_name"));
    }
  }

  @Test
  void officerTableIsTheWeeksOfficerWeeklyRowsWithNames() {
    Map<String, Object> pick = row("SELECT ward_code, week_start FROM {ward_weekly} WHERE NOT partial ORDER BY ward_code, week_start DESC LIMIT 1");
    String ward = (String) pick.get("ward_code");
    LocalDate week = (LocalDate) pick.get("week_start");
    Map<String, Map<String, Object>> expected = new HashMap<>();
    rows("SELECT w.*, o.display_name FROM {officer_weekly} w LEFT JOIN {officers} o USING (officer_id)"
        + " WHERE w.ward_code = ? AND w.week_start = ?", ward, week).forEach(r -> expected.put((String) r.get("officer_id"), r));
    JsonNode officers = review(ward, week).get("officers");
    assertThat(officers.size()).isEqualTo(expected.size()).isPositive();
    long previous = Long.MAX_VALUE;
    for (JsonNode o : officers) {
      Map<String, Object> e = expected.get(o.get("officerId").asString());
      assertThat(o.get("name").asString()).isEqualTo(e.get("display_name"));
      assertThat(o.get("tasksCompleted").asLong()).isEqualTo(((Number) e.get("tasks_completed")).longValue());
      assertThat(o.get("overdueHeldEnd").asLong()).isEqualTo(((Number) e.get("overdue_held_end")).longValue());
      assertThat(o.get("lateAttributed").asLong()).isEqualTo(((Number) e.get("late_attributed")).longValue());
      assertNullable(o.get("taskHoursMedian"), e.get("task_hours_median"));
      assertNullable(o.get("workloadIndex"), e.get("workload_index"));
      assertNullable(o.get("afterHoursShare"), e.get("after_hours_share"));
      assertThat(o.get("tasksCompleted").asLong()).isLessThanOrEqualTo(previous);
      previous = o.get("tasksCompleted").asLong();
    }
  }

  @Test
  void procedureTableListsTheWeeksProceduresLateFirst() {
    Map<String, Object> pick = row("SELECT ward_code, week_start FROM {procedure_weekly} ORDER BY late DESC, ward_code LIMIT 1");
    String ward = (String) pick.get("ward_code");
    LocalDate week = (LocalDate) pick.get("week_start");
    JsonNode procedures = review(ward, week).get("procedures");
    List<Map<String, Object>> expected = rows("SELECT p.*, r.name_vi FROM {procedure_weekly} p LEFT JOIN {procedures} r"
        + " USING (procedure_code) WHERE ward_code = ? AND week_start = ?", ward, week);
    assertThat(procedures.size()).isEqualTo(expected.size());
    long maxLate = expected.stream().mapToLong(r -> ((Number) r.get("late")).longValue()).max().orElseThrow();
    assertThat(maxLate).isPositive();
    assertThat(procedures.get(0).get("late").asLong()).isEqualTo(maxLate);
    long previous = Long.MAX_VALUE;
    for (JsonNode p : procedures) {
      assertThat(p.get("late").asLong()).isLessThanOrEqualTo(previous);
      previous = p.get("late").asLong();
      Map<String, Object> e = expected.stream().filter(r -> r.get("procedure_code").equals(p.get("procedureCode").asString()))
          .findFirst().orElseThrow();
      assertThat(p.get("name").asString()).isEqualTo(e.get("name_vi"));
      assertThat(p.get("received").asLong()).isEqualTo(((Number) e.get("received")).longValue());
      assertThat(p.get("openOverdueEnd").asLong()).isEqualTo(((Number) e.get("open_overdue_end")).longValue());
      assertNullable(p.get("onTimeRate"), e.get("on_time_rate"));
    }
  }

  @Test
  void intakeHeatmapHasAllCellsAndTheWeeksReceivedTotal() {
    Map<String, Object> pick = row("SELECT ward_code, week_start, received FROM {ward_weekly} WHERE NOT partial ORDER BY ward_code LIMIT 1");
    JsonNode intake = review((String) pick.get("ward_code"), (LocalDate) pick.get("week_start")).get("intake");
    assertThat(intake.size()).isEqualTo(168);
    long total = 0;
    for (JsonNode cell : intake) {
      total += cell.get("received").asLong();
    }
    long expected = ((Number) row("SELECT CAST(sum(received) AS BIGINT) AS n FROM {ward_hourly} WHERE ward_code = ? AND week_start = ?",
        pick.get("ward_code"), pick.get("week_start")).get("n")).longValue();
    assertThat(total).isEqualTo(expected);
  }

  @Test
  void excelHasOneSheetPerTableWithVietnameseHeadersAndTheFigures() throws IOException {
    Map<String, Object> pick = row("SELECT * FROM {ward_weekly} WHERE NOT partial ORDER BY ward_code, week_start DESC LIMIT 1");
    String ward = (String) pick.get("ward_code");
    LocalDate week = (LocalDate) pick.get("week_start");
    HttpResponse<byte[]> response = bytes("/wards/" + ward + "/weeks/" + week + "/export.xlsx");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("ward-" + ward + "-" + week + ".xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(WardWeekExport.TABLES.size());
      Sheet headline = workbook.getSheet("Tổng hợp");
      assertThat(headline.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Tiếp nhận");
      assertThat((long) headline.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(((Number) pick.get("received")).longValue());
      assertThat(headline.getRow(1).getCell(12).getNumericCellValue())
          .isCloseTo(((Number) pick.get("on_time_rate")).doubleValue(), within(1e-12));
      Sheet overdue = workbook.getSheet("Hồ sơ quá hạn");
      assertThat(overdue.getLastRowNum()).isEqualTo(((Number) pick.get("open_overdue_end")).intValue());
    }
  }

  @Test
  void csvIsOneTableWithAByteOrderMarkAndCrlf() {
    Map<String, Object> pick = row("SELECT ward_code, week_start FROM {ward_weekly} WHERE NOT partial ORDER BY ward_code LIMIT 1");
    String path = "/wards/" + pick.get("ward_code") + "/weeks/" + pick.get("week_start") + "/export.csv";
    HttpResponse<byte[]> response = bytes(path + "?table=officers");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(body).startsWith("\ufeffMã cán bộ,Họ tên cán bộ,");
    long officers = ((Number) row("SELECT count(*) AS n FROM {officer_weekly} WHERE ward_code = ? AND week_start = ?",
        pick.get("ward_code"), pick.get("week_start")).get("n")).longValue();
    assertThat(body.split("\r\n")).hasSize((int) officers + 1);
    assertThat(bytes(path + "?table=nope").statusCode()).isEqualTo(404);
  }

  @Test
  void printViewHasTheTablesAndA4PageRules() {
    Map<String, Object> pick = row("SELECT ward_code, week_start FROM {ward_weekly} WHERE NOT partial ORDER BY ward_code LIMIT 1");
    HttpResponse<String> page = Http.get(port, "/wards/" + pick.get("ward_code") + "/weeks/" + pick.get("week_start")
        + "?view=print", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("print-view").contains("id=\"officer-table\"").contains("id=\"procedure-table\"")
        .contains("/css/print.css").doesNotContain("class=\"pickers\"");
    assertThat(Http.get(port, "/css/print.css").body()).contains("size: A4");
  }

  private HttpResponse<byte[]> bytes(String path) {
    try {
      return HttpClient.newHttpClient().send(Http.request(ADMIN, port, path).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void assertNullable(JsonNode actual, Object expected) {
    if (expected == null) {
      assertThat(actual.isNull()).isTrue();
    } else {
      assertThat(actual.asDouble()).isCloseTo(((Number) expected).doubleValue(), within(1e-9));
    }
  }
}
