package vn.hcmc.kpi.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole app on the fixture warehouse. One base class, so that Spring
 * caches one application context for all of them (the test run stays short).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class FixtureApp {

  @LocalServerPort
  protected int port;

  /** A ward leader of {@link #unitA()}, one of {@link #unitB()}, and one user per other role. */
  public static final String LEADER_A = "leader-a";
  public static final String LEADER_B = "leader-b";
  public static final String PLANNER = "planner";
  public static final String ANALYST = "analyst";
  public static final String ADMIN = Http.ADMIN;
  /** An analyst only the login-throttling test uses (it gets locked). */
  public static final String VICTIM = "victim";

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry registry) {
    registry.add("kpi.warehouse", () -> Fixture.warehouse().toString());
    String[][] users = {{LEADER_A, "WARD_LEADER", unitA()}, {LEADER_B, "WARD_LEADER", unitB()},
        {PLANNER, "CITY_PLANNER", ""}, {ANALYST, "ANALYST", ""}, {ADMIN, "ADMIN", ""}, {VICTIM, "ANALYST", ""}};
    for (int i = 0; i < users.length; i++) {
      String[] user = users[i];
      String prefix = "kpi.security.users[" + i + "].";
      registry.add(prefix + "username", () -> user[0]);
      registry.add(prefix + "password-hash", () -> BCrypt.hashpw(Http.password(user[0]), BCrypt.gensalt(4)));
      registry.add(prefix + "role", () -> user[1]);
      registry.add(prefix + "unit", () -> user[2]);
      // leaders and the planner get the Monday digest (sent only where kpi.digest.enabled, see digest.DigestApp)
      registry.add(prefix + "email", () -> user[1].equals("WARD_LEADER") || user[1].equals("CITY_PLANNER")
          ? user[0] + "@example.com" : "");
    }
    registry.add("kpi.sql.audit-dir", () -> AUDIT_DIR.toString());
    registry.add("kpi.state-dir", () -> STATE_DIR.toString());
    registry.add("kpi.sql.time-limit", () -> "3s");
    registry.add("kpi.sql.row-limit", () -> "1000");
    registry.add("kpi.sql.memory-limit", () -> "256MB");
  }

  /** Where alert firings and digest deliveries go in the tests (outside the warehouse). */
  public static final java.nio.file.Path STATE_DIR = java.nio.file.Path.of("target", "test-state-" + ProcessHandle.current().pid());

  /** Where the SQL console's audit goes in the tests (outside the warehouse). */
  public static final java.nio.file.Path AUDIT_DIR = java.nio.file.Path.of("target", "test-audit-" + ProcessHandle.current().pid());

  /** Unit A: the first unit (by code) with data. */
  public static String unitA() {
    return (String) row("SELECT min(ward_code) AS c FROM {ward_weekly}").get("c");
  }

  /** Unit B: the second unit (by code) with data. */
  public static String unitB() {
    return (String) row("SELECT min(ward_code) AS c FROM {ward_weekly} WHERE ward_code > ?", unitA()).get("c");
  }

  /**
   * Runs {@code sql} on plain DuckDB against the fixture's Parquet; {@code {table}} placeholders
   * become {@code read_parquet(...)} of that table. Rows as column-name maps, in order.
   */
  public static List<Map<String, Object>> rows(String sql, Object... params) {
    String resolved = sql;
    for (String table : new String[] {"ward_weekly", "officer_weekly", "procedure_weekly", "ward_hourly", "dossiers",
        "events", "tasks", "units", "procedures", "officers", "rejects", "data_quality", "runs", "pauses", "holidays"}) {
      resolved = resolved.replace("{" + table + "}", Fixture.table(Fixture.warehouse(), table));
    }
    try (Connection db = Fixture.duckdb(); PreparedStatement statement = db.prepareStatement(resolved)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          Map<String, Object> columns = new LinkedHashMap<>();
          for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
            columns.put(row.getMetaData().getColumnLabel(i), row.getObject(i));
          }
          rows.add(columns);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(resolved, e);
    }
  }

  public static Map<String, Object> row(String sql, Object... params) {
    List<Map<String, Object>> rows = rows(sql, params);
    if (rows.isEmpty()) {
      throw new IllegalStateException("no row: " + sql);
    }
    return rows.get(0);
  }
}
