package vn.hcmc.kpi.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.hcmc.kpi.dashboard.FixtureApp;

/**
 * The ward weekly review in headless Chromium (ChromeDriver): charts drawn with the data's series,
 * sorting, click-through to a dossier, language switch, Excel download opened with POI. Expected
 * values come from DuckDB over the fixture's Parquet. Screenshots go to target/screenshots.
 */
class WardReviewBrowserTests extends FixtureApp {

  private static Browser browser;
  private static String ward;
  private static LocalDate week;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start();
    // the complete week (and unit) with the most open overdue dossiers: the list is not empty
    Map<String, Object> pick = row("""
        SELECT ward_code, week_start FROM {ward_weekly} WHERE NOT partial
        ORDER BY open_overdue_end DESC, ward_code, week_start DESC LIMIT 1""");
    ward = (String) pick.get("ward_code");
    week = (LocalDate) pick.get("week_start");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    // an admin sees every unit with names, as these tests expect
    browser.signIn(port, ADMIN, vn.hcmc.kpi.dashboard.Http.password(ADMIN));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  @SuppressWarnings("unchecked")
  void reviewDrawsTheTrendAndTheIntakeHeatmapFromTheData() {
    browser.driver.get(url("/wards/" + ward + "/weeks/" + week));
    Map<String, Object> trend = browser.chartOption("trend-chart");
    List<Map<String, Object>> series = (List<Map<String, Object>>) trend.get("series");
    assertThat(series).extracting(s -> s.get("id")).containsExactly("received", "resolved", "onTimeRate");
    Map<LocalDate, Map<String, Object>> weeks = new HashMap<>();
    rows("SELECT * FROM {ward_weekly} WHERE ward_code = ?", ward)
        .forEach(r -> weeks.put((LocalDate) r.get("week_start"), r));
    List<Object> expectedReceived = new ArrayList<>();
    List<Object> expectedOnTime = new ArrayList<>();
    for (int i = 11; i >= 0; i--) {
      Map<String, Object> w = weeks.get(week.minusWeeks(i));
      expectedReceived.add(w == null ? null : ((Number) w.get("received")).intValue());
      expectedOnTime.add(w == null || w.get("on_time_rate") == null ? null : ((Number) w.get("on_time_rate")).doubleValue() * 100);
    }
    assertThat((List<Object>) series.get(0).get("data")).isEqualTo(expectedReceived);
    List<Object> onTime = (List<Object>) series.get(2).get("data");
    for (int i = 0; i < 12; i++) {
      if (expectedOnTime.get(i) == null) {
        assertThat(onTime.get(i)).isNull();
      } else {
        assertThat(((Number) onTime.get(i)).doubleValue()).isCloseTo((Double) expectedOnTime.get(i), within(1e-9));
      }
    }

    Map<String, Object> heat = browser.chartOption("intake-heatmap");
    List<List<Number>> cells = (List<List<Number>>) ((List<Map<String, Object>>) heat.get("series")).get(0).get("data");
    assertThat(cells).hasSize(7 * 24);
    Map<String, Long> expectedCells = new HashMap<>();
    rows("SELECT weekday, hour, CAST(sum(received) AS BIGINT) AS n FROM {ward_hourly} WHERE ward_code = ? AND week_start = ? GROUP BY ALL",
        ward, week).forEach(r -> expectedCells.put(((Number) r.get("weekday")).intValue() - 1 + ":" + r.get("hour"),
            ((Number) r.get("n")).longValue()));
    for (List<Number> cell : cells) {
      assertThat(cell.get(2).longValue()).as("cell " + cell)
          .isEqualTo(expectedCells.getOrDefault(cell.get(1).intValue() + ":" + cell.get(0).intValue(), 0L));
    }
    browser.fullScreenshot("ward-review");
  }

  @Test
  void officerTableSortsByAClickedColumn() {
    browser.driver.get(url("/wards/" + ward + "/weeks/" + week));
    List<Long> completed = rows("SELECT tasks_completed FROM {officer_weekly} WHERE ward_code = ? AND week_start = ?",
        ward, week).stream().map(r -> ((Number) r.get("tasks_completed")).longValue()).sorted().toList();
    WebElement heading = browser.driver.findElements(By.cssSelector("#officer-table thead th")).get(2);
    heading.click(); // numbers: first click sorts descending
    List<Long> descending = new ArrayList<>(completed);
    java.util.Collections.reverse(descending);
    assertThat(columnValues()).isEqualTo(descending);
    heading.click();
    assertThat(columnValues()).isEqualTo(completed);
    assertThat(heading.getAttribute("aria-sort")).isEqualTo("ascending");
  }

  private List<Long> columnValues() {
    return browser.driver.findElements(By.cssSelector("#officer-table tbody tr td:nth-child(3)")).stream()
        .map(cell -> Long.valueOf(cell.getAttribute("data-value"))).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void overdueListLinksToTheDossierTimeline() {
    browser.driver.get(url("/wards/" + ward + "/weeks/" + week));
    List<WebElement> links = new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> {
          List<WebElement> found = d.findElements(By.cssSelector("#overdue-table a.dossier-link"));
          return found.isEmpty() ? null : found;
        });
    long expected = ((Number) row("SELECT open_overdue_end FROM {ward_weekly} WHERE ward_code = ? AND week_start = ?",
        ward, week).get("open_overdue_end")).longValue();
    assertThat(links).hasSize((int) expected);
    String dossier = links.get(0).getText();
    links.get(0).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/dossiers/" + dossier));
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains(dossier);

    Map<String, Object> timeline = browser.chartOption("timeline-chart");
    Map<String, List<Object>> data = new HashMap<>();
    ((List<Map<String, Object>>) timeline.get("series")).forEach(s -> data.put((String) s.get("id"), (List<Object>) s.get("data")));
    long tasks = ((Number) row("SELECT count(*) AS n FROM {tasks} WHERE dossier_id = ?", dossier).get("n")).longValue();
    long events = ((Number) row("SELECT count(*) AS n FROM {events} WHERE dossier_id = ?", dossier).get("n")).longValue();
    assertThat(data.get("holders")).hasSize((int) tasks);
    assertThat(data.get("events")).hasSize((int) events);
    Map<String, Object> facts = row("SELECT verdict, due_date FROM {dossiers} WHERE dossier_id = ?", dossier);
    assertThat(browser.driver.findElement(By.id("verdict")).getAttribute("class")).contains("verdict-" + facts.get("verdict"));
    assertThat(browser.driver.findElement(By.id("due-date")).getText())
        .isEqualTo(((LocalDate) facts.get("due_date")).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    browser.fullScreenshot("dossier-timeline");
  }

  @Test
  void languageSwitchesToEnglishAndBack() {
    browser.driver.get(url("/wards/" + ward + "/weeks/" + week));
    browser.driver.findElement(By.id("lang-en")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(browser.driver.findElement(By.cssSelector("#officers h2")).getText()).isEqualTo("Officers");
    browser.screenshot("ward-review-en");
    // the cookie keeps the choice on the next page
    browser.driver.get(url("/city"));
    assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    browser.driver.findElement(By.id("lang-vi")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> "vi".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
  }

  @Test
  void excelDownloadHasTheOfficerSheetWithTheWarehouseFigures() throws Exception {
    browser.driver.get(url("/wards/" + ward + "/weeks/" + week));
    browser.driver.findElement(By.id("export-xlsx")).click();
    Path file = new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> {
      try (Stream<Path> files = Files.list(browser.downloads)) {
        return files.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElse(null);
      } catch (java.io.IOException e) {
        return null;
      }
    });
    assertThat(file.getFileName().toString()).isEqualTo("ward-" + ward + "-" + week + ".xlsx");
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      List<String> sheets = new ArrayList<>();
      workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
      assertThat(sheets).containsExactly("Tổng hợp", "Diễn biến 12 tuần", "Cán bộ", "Thủ tục", "Hồ sơ quá hạn",
          "Hồ sơ sắp trễ", "Cảnh báo", "Tiếp nhận theo giờ");
      Sheet officers = workbook.getSheet("Cán bộ");
      Row header = officers.getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Mã cán bộ");
      assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Nhiệm vụ hoàn thành");
      Map<String, Map<String, Object>> expected = new HashMap<>();
      rows("""
          SELECT w.*, o.display_name FROM {officer_weekly} w LEFT JOIN {officers} o USING (officer_id)
          WHERE w.ward_code = ? AND w.week_start = ?""", ward, week)
          .forEach(r -> expected.put((String) r.get("officer_id"), r));
      assertThat(officers.getLastRowNum()).isEqualTo(expected.size());
      DataFormatter text = new DataFormatter();
      for (int r = 1; r <= officers.getLastRowNum(); r++) {
        Row row = officers.getRow(r);
        Map<String, Object> officer = expected.get(text.formatCellValue(row.getCell(0)));
        assertThat(officer).isNotNull();
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(officer.get("display_name"));
        assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(((Number) officer.get("tasks_completed")).longValue());
        assertThat((long) row.getCell(8).getNumericCellValue()).isEqualTo(((Number) officer.get("late_attributed")).longValue());
      }
    }
  }

  @Test
  void printViewFitsA4AndDrawsTheTrendAsSvg() {
    browser.driver.get(url("/wards/" + ward + "/weeks/" + week + "?view=print"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("#trend-chart svg")).isEmpty());
    // 186 mm of content at 96 dpi is about 703 px: the page's main column must not be wider
    Number width = (Number) browser.js("return document.querySelector('main').getBoundingClientRect().width;");
    assertThat(width.doubleValue()).isLessThanOrEqualTo(705);
    Number tableWidth = (Number) browser.js("return document.getElementById('officer-table').scrollWidth;");
    assertThat(tableWidth.doubleValue()).isLessThanOrEqualTo(705);
    browser.fullScreenshot("ward-review-print");
  }
}
