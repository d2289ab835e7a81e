package vn.hcmc.kpi.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan is checked against the OpenAPI document; options fail with a message that says what was wrong. */
class LoadPlanTests {

  private static Set<String> planned() {
    Set<String> all = new TreeSet<>();
    EndpointPlan.TARGETS.forEach(t -> all.add(t.operation()));
    return all;
  }

  @Test
  void anOperationMissingFromThePlanOrFromTheDocumentStopsTheBenchmark() {
    Set<String> documented = planned();
    assertEquals(10, EndpointPlan.check(documented, false).size());
    assertEquals(EndpointPlan.TARGETS.size(), EndpointPlan.check(documented, true).size());
    documented.add("GET /api/digest/{wardCode}");
    IllegalStateException unplanned = assertThrows(IllegalStateException.class,
        () -> EndpointPlan.check(documented, false));
    assertTrue(unplanned.getMessage().contains("not planned [GET /api/digest/{wardCode}]"), unplanned.getMessage());
    Set<String> fewer = planned();
    fewer.remove("GET /api/quality");
    IllegalStateException stale = assertThrows(IllegalStateException.class, () -> EndpointPlan.check(fewer, false));
    assertTrue(stale.getMessage().contains("no longer documented [GET /api/quality]"), stale.getMessage());
  }

  @Test
  void requestsAreFilledFromTheFixture() {
    Fixture f = new Fixture("26782", "2026-01-19", "2026-01-26", "DD.X", "26782-CB02", "CB-0123456789", "H26782-1");
    List<String> paths = EndpointPlan.check(planned(), true).stream().map(t -> t.request().apply(f).pathAndQuery())
        .toList();
    assertTrue(paths.contains("/api/wards/26782/officers/CB-0123456789?week=2026-01-19"), paths.toString());
    assertTrue(paths.contains("/api/city/weeks/2026-01-26"), paths.toString());
    assertTrue(paths.contains("/api/dossiers/H26782-1"), paths.toString());
    assertTrue(paths.stream().noneMatch(p -> p.contains("{")), paths.toString());

    // --fresh-sql: the same query, another text each time, still one JSON string
    ApiRequest sql = EndpointPlan.TARGETS.stream().filter(t -> t.operation().equals("POST /api/sql")).findFirst()
        .orElseThrow().request().apply(f);
    ApiRequest fresh = EndpointPlan.freshSql(sql, 42);
    assertEquals(sql.jsonBody().replace("DESC\"}", "DESC /* 42 */\"}"), fresh.jsonBody());
    assertTrue(!EndpointPlan.freshSql(sql, 43).jsonBody().equals(fresh.jsonBody()));
  }

  @Test
  void optionsAreCheckedAsTheyAreRead(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("CURRENT"), "v1");
    LoadOptions o = LoadOptions.parse(List.of("--warehouse", dir.toString(), "--clients", "5, 10", "--duration", "1m",
        "--warmup", "500ms", "--auth", "basic"));
    assertEquals(List.of(5, 10), o.clients());
    assertEquals(Duration.ofMinutes(1), o.duration());
    assertEquals(Duration.ofMillis(500), o.warmup());
    assertEquals(ApiClient.Auth.BASIC, o.auth());
    assertTrue(!o.freshSql());
    assertTrue(LoadOptions.parse(List.of("--warehouse", dir.toString(), "--fresh-sql")).freshSql());
    assertEquals(Duration.ofMillis(2500), LoadOptions.duration("2.5", "--duration"));
    assertMessage("--warehouse DIR is required", List.of());
    assertMessage("has no CURRENT file", List.of("--warehouse", dir.resolve("nope").toString()));
    assertMessage("--clients 'x' is not a whole number", List.of("--warehouse", dir.toString(), "--clients", "20,x"));
    assertMessage("--clients 0 is outside 1..1000", List.of("--warehouse", dir.toString(), "--clients", "0"));
    assertMessage("--duration 'soon' is not a duration", List.of("--warehouse", dir.toString(), "--duration", "soon"));
    assertMessage("--auth must be session or basic", List.of("--warehouse", dir.toString(), "--auth", "token"));
    assertMessage("--port needs a value", List.of("--warehouse", dir.toString(), "--port"));
    assertMessage("unknown option --client", List.of("--client", "3"));
  }

  private static void assertMessage(String expected, List<String> args) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
