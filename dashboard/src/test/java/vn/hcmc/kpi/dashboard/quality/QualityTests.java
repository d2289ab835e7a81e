package vn.hcmc.kpi.dashboard.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.Fixture;
import vn.hcmc.kpi.dashboard.FixtureApp;
import vn.hcmc.kpi.dashboard.Http;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/**
 * The data-quality view. The fixture's logs are clean (no rejects, no anomalies), so besides the API
 * on the fixture, the queries run on a copy of it to which rejected lines and anomalies were added.
 */
class QualityTests extends FixtureApp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void apiReconcilesTheFixturesRuns() {
    JsonNode report = JSON.readTree(Http.get(port, "/api/quality").body());
    List<Map<String, Object>> runs = rows("SELECT * FROM {runs} ORDER BY started_at DESC"); // as the page lists them
    assertThat(report.get("runs").size()).isEqualTo(runs.size());
    JsonNode run = report.get("runs").get(0);
    Map<String, Object> expected = runs.get(0);
    assertThat(run.get("rowsRead").asLong()).isEqualTo(((Number) expected.get("rows_read")).longValue());
    assertThat(run.get("balanced").asBoolean()).isEqualTo(((Number) expected.get("rows_read")).longValue()
        == ((Number) expected.get("accepted")).longValue() + ((Number) expected.get("rejected")).longValue()
        + ((Number) expected.get("duplicates")).longValue());
    assertThat(report.get("rejectsTotal").asLong()).isEqualTo(((Number) row("SELECT count(*) AS n FROM {rejects}").get("n")).longValue());
    assertThat(report.get("anomaliesTotal").asLong()).isEqualTo(((Number) row("SELECT count(*) AS n FROM {data_quality}").get("n")).longValue());
    assertThat(Http.get(port, "/quality", "text/html").body()).contains("id=\"runs-table\"").contains("id=\"rejects-chart\"");
  }

  @Test
  void rejectsAndAnomaliesAreCountedByReasonCodeAndUnit(@TempDir Path root) throws Exception {
    Fixture.copy(Fixture.warehouse(), root);
    Path version = root.resolve("versions").resolve(Fixture.currentVersion(root));
    String run = Fixture.currentVersion(root);
    try (Connection db = Fixture.duckdb(); Statement sql = db.createStatement()) {
      clear(version.resolve("rejects"));
      sql.execute("COPY (SELECT * FROM (VALUES"
          + " ('file:/x/events-1.csv', 3, 'a,b', 'BAD_TIME', 'bad time', '" + run + "'),"
          + " ('file:/x/events-1.csv', 9, '=cmd', 'BAD_TIME', 'bad time', '" + run + "'),"
          + " ('file:/x/events-2.csv', 4, 'x', 'MISSING_FIELD', 'no id', '" + run + "'))"
          + " t(source, line, raw, reason, message, run_id)) TO '" + version.resolve("rejects/part-0.parquet") + "' (FORMAT parquet)");
      clear(version.resolve("data_quality"));
      sql.execute("COPY (SELECT dossier_id, ward_code, CASE WHEN row_number() OVER (ORDER BY dossier_id) <= 2"
          + " THEN 'TWO_RESOLUTIONS' ELSE 'MISSING_CHANNEL' END AS code, 'test' AS detail, '" + run + "' AS run_id"
          + " FROM (SELECT * FROM read_parquet('" + version.resolve("dossiers") + "/*.parquet') ORDER BY dossier_id LIMIT 5))"
          + " TO '" + version.resolve("data_quality/part-0.parquet") + "' (FORMAT parquet)");
    }
    try (Warehouse warehouse = new Warehouse(root)) {
      QualityReport report = warehouse.read(QualityQueries::report);
      assertThat(report.rejectsTotal()).isEqualTo(3);
      assertThat(report.rejectsByReason()).containsExactly(new QualityReport.Count("BAD_TIME", 2),
          new QualityReport.Count("MISSING_FIELD", 1));
      assertThat(report.rejectsBySource()).containsExactly(new QualityReport.Count("events-1.csv", 2),
          new QualityReport.Count("events-2.csv", 1));
      assertThat(report.rejectSamples()).hasSize(3);
      assertThat(report.runs().get(0).rejectRows()).isEqualTo(3);
      assertThat(report.anomaliesTotal()).isEqualTo(5);
      assertThat(report.anomaliesByCode()).containsExactly(new QualityReport.Count("MISSING_CHANNEL", 3),
          new QualityReport.Count("TWO_RESOLUTIONS", 2));
      assertThat(report.anomaliesByUnit().stream().mapToLong(QualityReport.UnitCount::count).sum()).isEqualTo(5);
    }
  }

  private static void clear(Path table) throws Exception {
    try (var files = Files.list(table)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.delete(file);
      }
    }
  }
}
