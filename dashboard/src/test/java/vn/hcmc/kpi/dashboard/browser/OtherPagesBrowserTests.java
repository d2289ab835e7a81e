package vn.hcmc.kpi.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import vn.hcmc.kpi.dashboard.FixtureApp;

/**
 * The city comparison, procedure, officer and data-quality pages in headless Chromium (ChromeDriver):
 * each draws its charts with the series of the data (checked against DuckDB), and is screenshotted.
 */
class OtherPagesBrowserTests extends FixtureApp {

  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start();
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

  @SuppressWarnings("unchecked")
  private static Map<String, List<Object>> seriesData(Map<String, Object> option) {
    Map<String, List<Object>> data = new HashMap<>();
    ((List<Map<String, Object>>) option.get("series")).forEach(s -> data.put((String) s.get("id"), (List<Object>) s.get("data")));
    return data;
  }

  @Test
  @SuppressWarnings("unchecked")
  void cityComparisonRanksAndPlotsLoadAgainstOnTimeRate() {
    LocalDate week = (LocalDate) row("SELECT max(week_start) AS w FROM {ward_weekly} WHERE NOT partial").get("w");
    browser.driver.get(url("/city/weeks/" + week));
    List<Map<String, Object>> expected = rows("""
        SELECT ward_code, progress_766, received / active_officers AS load, on_time_rate, integration_errors
        FROM {ward_weekly} WHERE week_start = ? ORDER BY progress_766 DESC NULLS LAST, ward_code""", week);

    Map<String, List<Object>> ranking = seriesData(browser.chartOption("ranking-chart"));
    assertThat(ranking.get("ranking")).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(((Number) ranking.get("ranking").get(i)).doubleValue())
          .isCloseTo(((Number) expected.get(i).get("progress_766")).doubleValue(), within(1e-9));
    }
    List<Object> points = seriesData(browser.chartOption("scatter-chart")).get("loadVsOnTime");
    assertThat(points).hasSize(expected.size());
    for (Object point : points) {
      List<Object> p = (List<Object>) point;
      Map<String, Object> unit = expected.stream().filter(e -> e.get("ward_code").equals(p.get(3))).findFirst().orElseThrow();
      assertThat(((Number) p.get(0)).doubleValue()).isCloseTo(((Number) unit.get("load")).doubleValue(), within(1e-9));
      assertThat(((Number) p.get(1)).doubleValue()).isCloseTo(((Number) unit.get("on_time_rate")).doubleValue() * 100, within(1e-9));
    }
    long errors = expected.stream().mapToLong(e -> ((Number) e.get("integration_errors")).longValue()).sum();
    assertThat(seriesData(browser.chartOption("errors-unit-chart")).get("errorsByUnit").stream()
        .mapToLong(v -> ((Number) v).longValue()).sum()).isEqualTo(errors);
    assertThat(seriesData(browser.chartOption("errors-hour-chart")).get("errorsByHour")).hasSize(24);
    assertThat(seriesData(browser.chartOption("distribution-chart")).get("distribution").stream()
        .mapToLong(v -> ((Number) v).longValue()).sum()).isEqualTo(expected.size());
    browser.fullScreenshot("city-comparison");

    // ranking by another KPI reloads the page ranked by it
    new Select(browser.driver.findElement(By.id("rank-by"))).selectByValue("loadPerOfficer");
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("rankBy=loadPerOfficer"));
    String top = browser.driver.findElement(By.cssSelector("#city-table tbody tr")).getAttribute("data-unit");
    String expectedTop = (String) rows("SELECT ward_code FROM {ward_weekly} WHERE week_start = ?"
        + " ORDER BY received / active_officers DESC, ward_code LIMIT 1", week).get(0).get("ward_code");
    assertThat(top).isEqualTo(expectedTop);

    // switching language keeps the ranking and filters
    browser.driver.findElement(By.id("lang-en")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
        .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(browser.driver.getCurrentUrl()).contains("rankBy=loadPerOfficer").contains("until=" + week);
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).startsWith("City");
    browser.screenshot("city-comparison-en");
    browser.driver.findElement(By.id("lang-vi")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
        .until(d -> "vi".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
  }

  @Test
  void procedurePageDrawsItsWeeks() {
    Map<String, Object> pick = row("SELECT ward_code, procedure_code FROM {procedure_weekly} ORDER BY late DESC, ward_code LIMIT 1");
    browser.driver.get(url("/wards/" + pick.get("ward_code") + "/procedures/" + pick.get("procedure_code")));
    List<Object> received = seriesData(browser.chartOption("procedure-trend")).get("received");
    List<Long> expected = rows("SELECT received FROM {procedure_weekly} WHERE ward_code = ? AND procedure_code = ? ORDER BY week_start",
        pick.get("ward_code"), pick.get("procedure_code")).stream().map(r -> ((Number) r.get("received")).longValue()).toList();
    assertThat(received.stream().map(v -> ((Number) v).longValue()).toList()).isEqualTo(expected);
    browser.fullScreenshot("procedure-view");
  }

  @Test
  void officerPageDrawsTasksCompletedAgainstTheUnitMedian() {
    Map<String, Object> pick = row("SELECT ward_code, officer_id FROM {officer_weekly} ORDER BY late_attributed DESC, officer_id LIMIT 1");
    browser.driver.get(url("/wards/" + pick.get("ward_code") + "/officers/" + pick.get("officer_id")));
    Map<String, List<Object>> series = seriesData(browser.chartOption("officer-trend"));
    List<Long> expected = rows("SELECT tasks_completed FROM {officer_weekly} WHERE ward_code = ? AND officer_id = ? ORDER BY week_start",
        pick.get("ward_code"), pick.get("officer_id")).stream().map(r -> ((Number) r.get("tasks_completed")).longValue()).toList();
    assertThat(series.get("tasksCompleted").stream().map(v -> ((Number) v).longValue()).toList()).isEqualTo(expected);
    assertThat(series.get("unitMedian")).hasSize(expected.size());
    browser.fullScreenshot("officer-view");
  }

  @Test
  void qualityPageShowsTheRunsAndDrawsRejectsByReason() {
    browser.driver.get(url("/quality"));
    List<Object> reasons = seriesData(browser.chartOption("rejects-chart")).get("rejectsByReason");
    assertThat(reasons).hasSize(rows("SELECT DISTINCT reason FROM {rejects}").size());
    assertThat(browser.driver.findElements(By.cssSelector("#runs-table tbody tr"))).hasSize(rows("SELECT 1 FROM {runs}").size());
    browser.fullScreenshot("data-quality");
  }
}
