package vn.hcmc.kpi.dashboard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Which queries' results may be kept for a version: the guard's verdict on real DuckDB parse trees. A query that
 * reads the clock, the session or a random source, samples, or calls a table function must never be kept.
 */
class DeterminismTests {

  @Test
  void onlyQueriesOfConsistentFunctionsOverTablesAreKept() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t AS SELECT range AS x, 'n' || range AS name FROM range(10)");
      Set<String> consistent = SqlGuard.consistentFunctions(connection);
      assertThat(consistent).contains("sum", "upper", "count_star").doesNotContain("random", "now", "current_date",
          "gen_random_uuid", "uuid", "setseed", "nextval", "today", "get_current_timestamp");
      Set<String> tables = Set.of("t");
      for (String sql : List.of("SELECT count(*) FROM t", "SELECT x, sum(x) AS s FROM t GROUP BY x ORDER BY s DESC",
          "SELECT upper(name), x + 1 FROM t WHERE x > 0 AND name LIKE 'n%'", "SELECT avg(x) FROM t",
          "WITH a AS (SELECT max(x) AS m FROM t) SELECT m * 2 FROM a", "FROM t SELECT x ORDER BY x LIMIT 3")) {
        SqlGuard.Verdict verdict = SqlGuard.verdict(connection, sql, SqlSandbox.wrap(sql, 1000), tables, consistent);
        assertThat(verdict.refusal()).as(sql).isEmpty();
        assertThat(verdict.deterministic()).as(sql).isTrue();
      }
      for (String sql : List.of("SELECT random()", "SELECT now()", "SELECT current_date", "SELECT CURRENT_TIMESTAMP",
          "SELECT today()", "SELECT gen_random_uuid()", "SELECT * FROM t USING SAMPLE 3", "SELECT * FROM t TABLESAMPLE 50%",
          "SELECT * FROM range(3)", "SELECT x FROM t ORDER BY random()", "WITH a AS (SELECT now() AS d) SELECT * FROM a",
          "SELECT (SELECT max(x) + random() FROM t)", "SELECT x FROM t WHERE x < epoch(current_timestamp)",
          "SELECT setseed(0.5)")) {
        SqlGuard.Verdict verdict = SqlGuard.verdict(connection, sql, SqlSandbox.wrap(sql, 1000), tables, consistent);
        assertThat(verdict.refusal()).as(sql).isEmpty();
        assertThat(verdict.deterministic()).as(sql).isFalse();
      }
      assertThat(SqlGuard.verdict(connection, "COPY t TO 'x.csv'", SqlSandbox.wrap("COPY t TO 'x.csv'", 1000), tables,
          consistent).deterministic()).isFalse();
    }
  }
}
