package vn.hcmc.kpi.dashboard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.Fixture;
import vn.hcmc.kpi.dashboard.FixtureApp;
import vn.hcmc.kpi.dashboard.Http;

/** The SQL console's sandbox, by trying to escape it: each attempt refused clearly, nothing on disk changed, all audited. */
class SqlConsoleTests extends FixtureApp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HttpResponse<String> sql(String user, String query, String suffix) {
    return Http.send(Http.request(user, port, "/api/sql" + suffix).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("sql", query)))).build());
  }

  /** Every file under the folder with its size and modification time. */
  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        files.put(root.relativize(path).toString(), Files.isDirectory(path) ? "dir"
            : Files.size(path) + "@" + Files.getLastModifiedTime(path).toMillis());
      }
    }
    return files;
  }

  @Test
  void escapesAreRefusedClearlyNothingChangesOnDiskAndTheAuditShowsThem() throws IOException {
    Path warehouse = Fixture.warehouse();
    Path version = warehouse.resolve("versions").resolve(Fixture.currentVersion(warehouse));
    Map<String, String> before = files(warehouse);
    Path cwd = Path.of("").toAbsolutePath();
    Map<String, String> escapes = new LinkedHashMap<>();
    escapes.put("SELECT * FROM read_csv('/etc/passwd')", "read_csv");
    escapes.put("SELECT * FROM '/etc/passwd'", "not a published table");
    escapes.put("SELECT * FROM read_text('/etc/passwd')", "read_text");
    escapes.put("SELECT * FROM glob('/**')", "glob");
    escapes.put("SELECT * FROM read_parquet('" + version + "/../../CURRENT')", "read_parquet");
    escapes.put("SELECT * FROM '" + version + "/ward_weekly/../../../CURRENT'", "not a published table");
    escapes.put("COPY (SELECT 1) TO 'x.csv'", "COPY");
    escapes.put("COPY (SELECT 1) TO '" + version + "/x.parquet' (FORMAT parquet)", "COPY");
    escapes.put("COPY ward_weekly TO '/tmp/kpi-escape.csv'", "COPY");
    escapes.put("ATTACH '/tmp/kpi-escape.duckdb' AS escape", "ATTACH");
    escapes.put("INSTALL httpfs", "INSTALL");
    escapes.put("LOAD httpfs", "LOAD");
    escapes.put("SET enable_external_access = true", "SET");
    escapes.put("RESET lock_configuration", "RESET");
    escapes.put("PRAGMA database_list", "PRAGMA");
    escapes.put("CREATE TABLE t AS SELECT 1", "CREATE");
    escapes.put("INSERT INTO ward_weekly SELECT * FROM ward_weekly", "INSERT");
    escapes.put("DROP VIEW ward_weekly", "DROP");
    escapes.put("SELECT 1; SELECT 2", "only one statement");
    escapes.put("SELECT 1; COPY (SELECT 1) TO 'y.csv'", "refused");
    escapes.put("SELECT getenv('HOME')", "getenv");
    escapes.put("SELECT current_setting('allowed_directories')", "current_setting");
    escapes.put("SELECT * FROM duckdb_views()", "duckdb_views");
    escapes.put("SELECT * FROM " + SqlSandbox.MAP_TABLE, "not a published table");
    escapes.put("WITH _officer_pseudonyms AS (SELECT 1) SELECT * FROM _officer_pseudonyms", "reserved");
    escapes.put("SELECT * FROM information_schema.tables", "not a published table");
    escapes.put("SELECT 1) AS q; DROP VIEW ward_weekly; SELECT (1", "cannot be parsed");
    // twice: the second time the guard's kept verdict answers (SqlSandbox.Verdicts), and must refuse the same
    for (int pass = 1; pass <= 2; pass++) {
      for (Map.Entry<String, String> escape : escapes.entrySet()) {
        HttpResponse<String> response = sql(ANALYST, escape.getKey(), "");
        assertThat(response.statusCode()).as("pass " + pass + ": " + escape.getKey() + " " + response.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(problem.get("detail").asString()).as(escape.getKey()).containsIgnoringCase(escape.getValue());
      }
    }
    // runs, but is stopped: the time limit, the row limit, the memory limit
    HttpResponse<String> forever = sql(ANALYST, "SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3", "");
    assertThat(forever.statusCode()).as(forever.body()).isEqualTo(422);
    assertThat(JSON.readTree(forever.body()).get("outcome").asString()).isEqualTo("TIMEOUT");
    assertThat(JSON.readTree(forever.body()).get("detail").asString()).contains("time limit");
    HttpResponse<String> billion = sql(ANALYST, "SELECT * FROM range(1000000000)", "");
    assertThat(billion.statusCode()).isEqualTo(200);
    JsonNode truncated = JSON.readTree(billion.body());
    assertThat(truncated.get("outcome").asString()).isEqualTo("TRUNCATED");
    assertThat(truncated.get("rows").size()).isEqualTo(1000);
    assertThat(truncated.get("message").asString()).contains("row limit");
    HttpResponse<String> memory = sql(ANALYST, "SELECT list(range) FROM range(300000000)", "");
    assertThat(memory.statusCode()).as(memory.body()).isEqualTo(422);
    assertThat(JSON.readTree(memory.body()).get("outcome").asString()).as(memory.body()).isEqualTo("MEMORY");
    assertThat(JSON.readTree(memory.body()).get("detail").asString()).contains("memory");

    assertThat(files(warehouse)).isEqualTo(before);
    assertThat(cwd.resolve("x.csv")).doesNotExist();
    assertThat(cwd.resolve("y.csv")).doesNotExist();
    assertThat(Path.of("/tmp/kpi-escape.csv")).doesNotExist();
    assertThat(Path.of("/tmp/kpi-escape.duckdb")).doesNotExist();

    // the audit (admins only) has every attempt: who, what, refused and why
    assertThat(Http.as(ANALYST, port, "/api/admin/audit", "application/json").statusCode()).isEqualTo(403);
    JsonNode audit = JSON.readTree(Http.as(ADMIN, port, "/api/admin/audit?limit=10000", "application/json").body());
    for (String escape : escapes.keySet()) {
      boolean found = false;
      for (JsonNode entry : audit) {
        if (escape.equals(entry.get("sql").asString()) && entry.get("refused").asBoolean()
            && ANALYST.equals(entry.get("user").asString()) && !entry.get("reason").asString().isBlank()) {
          found = true;
        }
      }
      assertThat(found).as("audited: " + escape).isTrue();
    }
    assertThat(audit.toString()).contains("TIMEOUT").contains("TRUNCATED").contains("MEMORY");
    assertThat(AUDIT_DIR.resolve(SqlAudit.FILE)).exists();
    String page = Http.as(ADMIN, port, "/admin/audit", "text/html").body();
    assertThat(page).contains("id=\"audit\"").contains("REFUSED");
  }

  @Autowired
  private SqlSandbox sandbox;

  @Test
  void aDeterministicQuerysResultIsKeptForTheVersionAndNothingElseIs() {
    String query = "SELECT ward_code, count(*) AS weeks, sum(received) AS received FROM ward_weekly GROUP BY 1 ORDER BY 1";
    int before = sandbox.keptResults();
    HttpResponse<String> first = sql(ANALYST, query, "");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(sandbox.keptResults()).isEqualTo(before + 1);
    HttpResponse<String> again = sql(ANALYST, query, "");
    assertThat(JSON.readTree(again.body()).get("rows")).isEqualTo(JSON.readTree(first.body()).get("rows"));
    assertThat(JSON.readTree(again.body()).get("columns")).isEqualTo(JSON.readTree(first.body()).get("columns"));
    assertThat(sandbox.keptResults()).isEqualTo(before + 1);
    // the same figures as DuckDB gives on the version's files
    assertThat(JSON.readTree(again.body()).get("rows").size())
        .isEqualTo(rows("SELECT DISTINCT ward_code FROM {ward_weekly}").size());

    // random, clock and sampled queries run every time: never kept
    for (String volatileQuery : List.of("SELECT random() AS r FROM range(3)", "SELECT random() AS r",
        "SELECT now() AS t, count(*) FROM ward_weekly", "SELECT * FROM ward_weekly USING SAMPLE 5")) {
      HttpResponse<String> response = sql(ANALYST, volatileQuery, "");
      assertThat(response.statusCode()).as(volatileQuery + " " + response.body()).isEqualTo(200);
    }
    assertThat(sandbox.keptResults()).isEqualTo(before + 1);
    String r1 = JSON.readTree(sql(ANALYST, "SELECT random() AS r", "").body()).get("rows").toString();
    String r2 = JSON.readTree(sql(ANALYST, "SELECT random() AS r", "").body()).get("rows").toString();
    assertThat(r2).as("random() asked twice").isNotEqualTo(r1);
    // refused and failed queries are not kept either
    sql(ANALYST, "SELECT * FROM read_csv('/etc/passwd')", "");
    sql(ANALYST, "SELECT no_such_column FROM ward_weekly", "");
    assertThat(sandbox.keptResults()).isEqualTo(before + 1);
  }

  @Test
  void analystsQueryPseudonymisedViewsAsJsonOrCsv() {
    List<String> names = rows("SELECT display_name FROM {officers} WHERE display_name IS NOT NULL").stream()
        .map(r -> (String) r.get("display_name")).toList();
    List<String> ids = rows("SELECT DISTINCT officer_id FROM {officer_weekly}").stream()
        .map(r -> (String) r.get("officer_id")).toList();
    long expected = ((Number) row("SELECT count(*) AS n FROM {ward_weekly}").get("n")).longValue();
    for (int pass = 1; pass <= 2; pass++) { // the second time with the guard's kept verdict
      HttpResponse<String> count = sql(ANALYST, "SELECT count(*) AS n FROM ward_weekly;", "");
      assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
      assertThat(JSON.readTree(count.body()).get("rows").get(0).get(0).asLong()).isEqualTo(expected);
    }
    for (String query : List.of("SELECT * FROM officers", "SELECT * FROM officer_weekly", "SELECT * FROM tasks LIMIT 500",
        "SELECT * FROM dossiers LIMIT 500", "SELECT * FROM events LIMIT 500", "FROM rejects")) {
      HttpResponse<String> response = sql(ANALYST, query, "");
      assertThat(response.statusCode()).as(query + " " + response.body()).isEqualTo(200);
      for (String name : names) {
        assertThat(response.body()).as(query).doesNotContain(name);
      }
      for (String id : ids) {
        assertThat(response.body()).as(query).doesNotContain("\"" + id + "\"");
      }
    }
    assertThat(sql(ANALYST, "SELECT officer_id FROM officer_weekly LIMIT 1", "").body()).containsPattern("CB-[0-9a-f]{10}");
    assertThat(sql(ANALYST, "SELECT * FROM officers", "").body()).doesNotContain("display_name");
    HttpResponse<String> csv = sql(ANALYST, "SELECT ward_code, count(*) AS weeks FROM ward_weekly GROUP BY 1 ORDER BY 1", "?format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).contains("ward_code,weeks").contains(unitA());
    // the same pseudonym as the pages show
    String unit = unitA();
    String shown = JSON.readTree(Http.as(ANALYST, port, "/api/wards/" + unit + "/weeks/" + row(
        "SELECT max(week_start) AS w FROM {ward_weekly} WHERE ward_code = ?", unit).get("w"), "application/json").body())
        .get("officers").get(0).get("officerId").asString();
    assertThat(sql(ANALYST, "SELECT count(*) FROM officer_weekly WHERE officer_id = '" + shown + "'", "").body())
        .doesNotContain("[[0]]");
    // the console page: schema browser with column docs and examples, which run
    String page = Http.as(ANALYST, port, "/sql", "text/html").body();
    assertThat(page).contains("id=\"schema-ward_weekly\"").contains("on_time_rate").contains("(early + on_time) / resolved")
        .contains("id=\"example-0\"");
    for (var example : new SchemaDocs().examples()) {
      HttpResponse<String> response = sql(ANALYST, example.sql(), "");
      assertThat(response.statusCode()).as(example.title() + " " + response.body()).isEqualTo(200);
    }
  }
}
