package vn.hcmc.kpi.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which request the load benchmark sends for each operation of the dashboard's OpenAPI document, and
 * as whom. Checked against the document before anything runs ({@link #check}): an operation missing
 * here stops the benchmark (so a new endpoint is never silently left out), and so does one listed here
 * that the document no longer has. Downloads (xlsx/csv exports) are listed too but only loaded on request.
 */
final class EndpointPlan {

  /** Who calls: the demo profile's accounts (see {@link LoadCommand#ACCOUNTS}). */
  enum Role { LEADER, PLANNER, ANALYST, ADMIN }

  /** One OpenAPI operation ("GET /api/…" as in the document), its caller and its concrete request. */
  record Target(String operation, Role role, boolean download, Function<Fixture, ApiRequest> request) {
  }

  /** An analyst's typical question: the city's units for one week, busiest first. */
  static String sqlQuery(Fixture f) {
    return "SELECT ward_code, sum(received) AS received, avg(on_time_rate) AS on_time_rate FROM ward_weekly "
        + "WHERE week_start = DATE '" + f.week() + "' GROUP BY ward_code ORDER BY received DESC";
  }

  /**
   * The console request with a text no request had before: the query and a numbered comment (the same
   * query for DuckDB, another text for the console's kept verdicts and results).
   */
  static ApiRequest freshSql(ApiRequest sql, long n) {
    String body = sql.jsonBody();
    int end = body.lastIndexOf('"');
    return new ApiRequest(sql.method(), sql.pathAndQuery(), body.substring(0, end) + " /* " + n + " */" + body.substring(end));
  }

  static final List<Target> TARGETS = List.of(
      new Target("GET /api/wards/{wardCode}/weeks/{weekStart}", Role.LEADER, false,
          f -> ApiRequest.get("/api/wards/" + f.unitCode() + "/weeks/" + f.week())),
      new Target("GET /api/wards/{wardCode}/procedures/{procedureCode}", Role.LEADER, false,
          f -> ApiRequest.get("/api/wards/" + f.unitCode() + "/procedures/" + f.procedureCode() + "?week=" + f.week())),
      // planners address officers by pseudonym (the server hashes the unit's officer ids to find it)
      new Target("GET /api/wards/{wardCode}/officers/{officerId}", Role.PLANNER, false,
          f -> ApiRequest.get("/api/wards/" + f.unitCode() + "/officers/" + f.officerPseudonym() + "?week=" + f.week())),
      new Target("GET /api/dossiers/{dossierId}", Role.LEADER, false,
          f -> ApiRequest.get("/api/dossiers/" + f.dossierId())),
      new Target("GET /api/city/weeks/{weekStart}", Role.PLANNER, false,
          f -> ApiRequest.get("/api/city/weeks/" + f.cityWeek())),
      new Target("GET /api/quality", Role.LEADER, false, f -> ApiRequest.get("/api/quality")),
      new Target("POST /api/sql", Role.ANALYST, false,
          f -> new ApiRequest("POST", "/api/sql", "{\"sql\": \"" + sqlQuery(f) + "\"}")),
      new Target("GET /api/admin/audit", Role.ADMIN, false, f -> ApiRequest.get("/api/admin/audit")),
      new Target("GET /api/alerts", Role.LEADER, false,
          f -> ApiRequest.get("/api/alerts?ward=" + f.unitCode() + "&week=" + f.week())),
      new Target("GET /api/admin/digests", Role.ADMIN, false, f -> ApiRequest.get("/api/admin/digests")),
      new Target("GET /wards/{wardCode}/weeks/{weekStart}/export.xlsx", Role.LEADER, true,
          f -> ApiRequest.get("/wards/" + f.unitCode() + "/weeks/" + f.week() + "/export.xlsx")),
      new Target("GET /wards/{wardCode}/weeks/{weekStart}/export.csv", Role.LEADER, true,
          f -> ApiRequest.get("/wards/" + f.unitCode() + "/weeks/" + f.week() + "/export.csv?table=officers")),
      new Target("GET /city/weeks/{weekStart}/export.xlsx", Role.PLANNER, true,
          f -> ApiRequest.get("/city/weeks/" + f.cityWeek() + "/export.xlsx")),
      new Target("GET /city/weeks/{weekStart}/export.csv", Role.PLANNER, true,
          f -> ApiRequest.get("/city/weeks/" + f.cityWeek() + "/export.csv?table=units")));

  private EndpointPlan() {
  }

  /**
   * The targets to load, in plan order, after checking the plan against the document's operations
   * ("METHOD /path"): fails naming every operation the plan lacks and every one the document lacks.
   */
  static List<Target> check(Set<String> documented, boolean downloads) {
    Set<String> planned = new TreeSet<>();
    TARGETS.forEach(t -> planned.add(t.operation()));
    Set<String> unplanned = new TreeSet<>(documented);
    unplanned.removeAll(planned);
    Set<String> stale = new TreeSet<>(planned);
    stale.removeAll(documented);
    if (!unplanned.isEmpty() || !stale.isEmpty()) {
      throw new IllegalStateException("the load plan (bench " + EndpointPlan.class.getSimpleName()
          + ".TARGETS) does not match the dashboard's /v3/api-docs: "
          + (unplanned.isEmpty() ? "" : "not planned " + unplanned + " (add a target for each) ")
          + (stale.isEmpty() ? "" : "no longer documented " + stale + " (remove or update them)"));
    }
    List<Target> chosen = new ArrayList<>();
    for (Target target : TARGETS) {
      if (downloads || !target.download()) {
        chosen.add(target);
      }
    }
    return chosen;
  }
}
