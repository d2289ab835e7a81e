package vn.hcmc.kpi.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hcmc.kpi.dashboard.FixtureApp;
import vn.hcmc.kpi.dashboard.Http;

/**
 * Sign-in and scope, by trying to break in: every path and parameter that reaches officer-level data or
 * dossiers of another unit, names in planner and analyst responses, throttling, CSRF, headers, errors.
 */
class AccessTests extends FixtureApp {

  @Autowired
  LoginThrottle throttle;

  @AfterEach
  void forgetFailures() {
    throttle.clear();
  }

  private static String week(String unit) {
    return row("SELECT coalesce(max(week_start) FILTER (WHERE NOT partial), max(week_start)) AS w FROM {ward_weekly}"
        + " WHERE ward_code = ?", unit).get("w").toString();
  }

  private static String officerOf(String unit) {
    return (String) row("SELECT officer_id FROM {officer_weekly} WHERE ward_code = ? ORDER BY tasks_completed DESC,"
        + " officer_id LIMIT 1", unit).get("officer_id");
  }

  private static String dossierOf(String unit) {
    return (String) row("SELECT dossier_id FROM {dossiers} WHERE ward_code = ? ORDER BY dossier_id LIMIT 1", unit)
        .get("dossier_id");
  }

  private static String procedureOf(String unit) {
    return (String) row("SELECT procedure_code FROM {procedure_weekly} WHERE ward_code = ? ORDER BY received DESC,"
        + " procedure_code LIMIT 1", unit).get("procedure_code");
  }

  /** Every path that shows officer-level data or dossiers of {@code unit}. */
  private static List<String> unitPaths(String unit) {
    String week = week(unit);
    String officer = officerOf(unit);
    String procedure = procedureOf(unit);
    List<String> paths = new ArrayList<>(List.of("/wards/" + unit, "/wards/review?ward=" + unit,
        "/wards/review?ward=" + unit + "&week=" + week,
        "/wards/" + unit + "/weeks/" + week, "/wards/" + unit + "/weeks/" + week + "?view=print",
        "/api/wards/" + unit + "/weeks/" + week, "/wards/" + unit + "/weeks/" + week + "/export.xlsx",
        "/wards/" + unit + "/procedures/" + procedure, "/wards/" + unit + "/procedures/" + procedure + "?week=" + week,
        "/api/wards/" + unit + "/procedures/" + procedure, "/wards/" + unit + "/officers/" + officer,
        "/api/wards/" + unit + "/officers/" + officer, "/api/wards/" + unit + "/officers/" + officer + "?week=" + week,
        "/dossiers/" + dossierOf(unit), "/api/dossiers/" + dossierOf(unit)));
    for (String table : new String[] {"headline", "trend", "officers", "procedures", "overdue", "intake"}) {
      paths.add("/wards/" + unit + "/weeks/" + week + "/export.csv?table=" + table);
    }
    return paths;
  }

  @Test
  void withoutSignInPagesGoToTheSignInFormAndTheApiSays401WithoutABasicChallenge() {
    String unit = unitA();
    for (String path : List.of("/", "/city", "/quality", "/wards/" + unit + "/weeks/" + week(unit), "/sql", "/admin/audit",
        "/swagger-ui/index.html")) {
      HttpResponse<String> response = Http.as(Http.ANONYMOUS, port, path, "text/html");
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
    }
    for (String path : List.of("/api/wards/" + unit + "/weeks/" + week(unit), "/api/quality", "/api/city/weeks/" + week(unit),
        "/v3/api-docs")) {
      HttpResponse<String> response = Http.as(Http.ANONYMOUS, port, path, "application/json");
      assertThat(response.statusCode()).as(path).isIn(302, 401);
      if (path.startsWith("/api/")) {
        assertThat(response.statusCode()).as(path).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
        assertThat(response.body()).contains("\"status\":401");
      }
    }
    assertThat(Http.send(Http.request(null, port, "/api/quality")
        .header("Authorization", Http.basic(ADMIN, "wrong")).GET().build()).statusCode()).isEqualTo(401);
  }

  @Test
  void aLeaderGetsNothingOfficerLevelOfAnotherUnitByAnyPathOrParameter() {
    String other = unitB();
    String otherOfficer = officerOf(other);
    String otherDossier = dossierOf(other);
    for (String path : unitPaths(other)) {
      HttpResponse<String> response = Http.as(LEADER_A, port, path, path.startsWith("/api/") ? "application/json" : "text/html");
      assertThat(response.statusCode()).as(path).isEqualTo(403);
      assertThat(response.body()).as(path).doesNotContain(otherOfficer).doesNotContain("\"officers\"");
      if (!path.contains("/dossiers/")) {
        assertThat(response.body()).as(path).doesNotContain(otherDossier);
      }
    }
    // the same leader's own unit works, with names
    String own = unitA();
    for (String path : unitPaths(own)) {
      assertThat(Http.as(LEADER_A, port, path, "*/*").statusCode()).as(path).isIn(200, 302);
    }
    String ownName = (String) row("SELECT display_name FROM {officers} WHERE officer_id = ?", officerOf(own)).get("display_name");
    assertThat(Http.as(LEADER_A, port, "/api/wards/" + own + "/weeks/" + week(own), "application/json").body()).contains(ownName);
    // another unit's officer through the leader's own unit: not there (404), still no data
    HttpResponse<String> through = Http.as(LEADER_A, port, "/api/wards/" + own + "/officers/" + otherOfficer, "application/json");
    assertThat(through.statusCode()).isEqualTo(404);
    // the home page and the picker send the leader to their own unit
    assertThat(Http.as(LEADER_A, port, "/", "text/html").headers().firstValue("Location").orElse("")).contains("/wards/" + own + "/");
    // quality samples: only the leader's unit's anomalies, no raw input lines
    String quality = Http.as(LEADER_A, port, "/api/quality", "application/json").body();
    for (Map<String, Object> unit : rows("SELECT DISTINCT ward_code FROM {data_quality} WHERE ward_code <> ?", own)) {
      assertThat(quality).doesNotContain("\"wardCode\":\"" + unit.get("ward_code") + "\",\"code\"");
    }
    assertThat(quality).doesNotContain("\"raw\":\"");
    // city comparison: unit-level aggregates of all units are fine
    assertThat(Http.as(LEADER_A, port, "/api/city/weeks/" + week(own), "application/json").statusCode()).isEqualTo(200);
    // the SQL console is not for leaders or planners
    for (String user : List.of(LEADER_A, PLANNER)) {
      assertThat(Http.as(user, port, "/sql", "text/html").statusCode()).isEqualTo(403);
      assertThat(Http.send(Http.request(user, port, "/api/sql").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT 1\"}")).build()).statusCode()).isEqualTo(403);
      assertThat(Http.as(user, port, "/admin/audit", "text/html").statusCode()).isEqualTo(403);
    }
  }

  /** All text of an xlsx workbook (names are inside the zip, not in the raw bytes). */
  private static String xlsxText(byte[] body) throws IOException {
    StringBuilder text = new StringBuilder();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      for (Sheet sheet : workbook) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            text.append(cell.toString()).append('\t');
          }
        }
      }
    }
    return text.toString();
  }

  /**
   * Results are kept per published version (Snapshot.cached): one computed for a viewer who sees more
   * (the unit's leader, an admin: real ids and names) must never be served to one who sees less, nor a
   * 200 turn another unit's 403 into data.
   */
  @Test
  void resultsKeptForOneViewerAreNeverServedToAnotherScope() {
    String unit = unitB();
    String officer = officerOf(unit);
    String name = (String) row("SELECT display_name FROM {officers} WHERE officer_id = ?", officer).get("display_name");
    List<String> paths = unitPaths(unit).stream().filter(p -> p.startsWith("/api/")).toList();
    // computed (and kept) first for those who see everything
    for (String user : List.of(LEADER_B, ADMIN)) {
      for (String path : paths) {
        assertThat(Http.as(user, port, path, "application/json").statusCode()).as(user + " " + path).isEqualTo(200);
      }
    }
    assertThat(Http.as(LEADER_B, port, "/api/wards/" + unit + "/weeks/" + week(unit), "application/json").body())
        .contains(name);
    // then asked by another unit's leader: still 403, twice (a refusal is not kept either)
    for (int round = 0; round < 2; round++) {
      for (String path : paths) {
        HttpResponse<String> response = Http.as(LEADER_A, port, path, "application/json");
        assertThat(response.statusCode()).as(path).isEqualTo(403);
        assertThat(response.body()).as(path).doesNotContain(officer).doesNotContain("\"officers\"");
      }
    }
    // and by a planner: pseudonyms, no names, no real ids (a real officer id in the path is unknown)
    for (String path : paths) {
      HttpResponse<String> response = Http.as(PLANNER, port, path, "application/json");
      assertThat(response.statusCode()).as(path).isEqualTo(path.contains("/officers/") ? 404 : 200);
      if (name != null) {
        assertThat(response.body()).as(path).doesNotContain(name);
      }
      assertThat(response.body()).as(path).doesNotContain("\"" + officer + "\"");
    }
    // the leader's own quality samples stay their own after an admin's report was kept
    assertThat(Http.as(ADMIN, port, "/api/quality", "application/json").statusCode()).isEqualTo(200);
    String quality = Http.as(LEADER_A, port, "/api/quality", "application/json").body();
    assertThat(quality).doesNotContain("\"wardCode\":\"" + unit + "\",\"code\"");
  }

  @Test
  void plannersAndAnalystsSeePseudonymsNeverNamesOrRealIds() throws IOException {
    List<String> names = rows("SELECT display_name FROM {officers} WHERE display_name IS NOT NULL").stream()
        .map(r -> (String) r.get("display_name")).toList();
    List<String> ids = rows("SELECT DISTINCT officer_id FROM {officer_weekly}").stream()
        .map(r -> (String) r.get("officer_id")).toList();
    assertThat(names).isNotEmpty();
    for (String user : List.of(PLANNER, ANALYST)) {
      List<String> paths = new ArrayList<>();
      for (String unit : List.of(unitA(), unitB())) {
        paths.addAll(unitPaths(unit));
      }
      paths.addAll(List.of("/city", "/api/city/weeks/" + week(unitA()), "/city/weeks/" + week(unitA()) + "/export.csv?table=units",
          "/quality", "/api/quality"));
      // dossiers with holders and late officers, whose timelines name officers
      for (Map<String, Object> dossier : rows("SELECT dossier_id FROM {dossiers} WHERE late_officer_id IS NOT NULL"
          + " ORDER BY dossier_id LIMIT 3")) {
        paths.add("/dossiers/" + dossier.get("dossier_id"));
        paths.add("/api/dossiers/" + dossier.get("dossier_id"));
      }
      for (String path : paths) {
        if (path.contains("/officers/")) {
          // a real officer id is not accepted from a pseudonym viewer
          assertThat(Http.as(user, port, path, "*/*").statusCode()).as(user + " " + path).isEqualTo(404);
          continue;
        }
        HttpResponse<byte[]> response = Http.bytes(user, port, path);
        assertThat(response.statusCode()).as(user + " " + path).isIn(200, 302);
        String body = path.endsWith(".xlsx") ? xlsxText(response.body()) : new String(response.body(), StandardCharsets.UTF_8);
        for (String name : names) {
          assertThat(body).as(user + " " + path).doesNotContain(name);
        }
        for (String id : ids) {
          assertThat(body).as(user + " " + path).doesNotContain(id);
        }
      }
      // the officer view is addressed by the pseudonym the tables show
      String unit = unitA();
      String review = Http.as(user, port, "/api/wards/" + unit + "/weeks/" + week(unit), "application/json").body();
      Matcher pseudonym = Pattern.compile("\"officerId\":\"(CB-[0-9a-f]{10})\"").matcher(review);
      assertThat(pseudonym.find()).as(review).isTrue();
      HttpResponse<String> officer = Http.as(user, port, "/api/wards/" + unit + "/officers/" + pseudonym.group(1), "application/json");
      assertThat(officer.statusCode()).isEqualTo(200);
      assertThat(officer.body()).contains(pseudonym.group(1)).contains("\"name\":null");
      assertThat(Http.as(user, port, "/wards/" + unit + "/officers/" + pseudonym.group(1), "text/html").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void fiveFailedSignInsLockTheUserEvenWithTheRightPassword() {
    for (int i = 0; i < 5; i++) {
      assertThat(Http.send(Http.request(null, port, "/api/quality").header("Authorization", Http.basic(VICTIM, "wrong-" + i))
          .GET().build()).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> locked = Http.as(VICTIM, port, "/api/quality", "application/json");
    assertThat(locked.statusCode()).isEqualTo(401);
    assertThat(Http.send(Http.request(null, port, "/login").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + VICTIM + "&password=" + Http.password(VICTIM))).build())
        .statusCode()).as("form login without a CSRF token").isEqualTo(403);
    // other users are not affected
    assertThat(Http.as(ANALYST, port, "/api/quality", "application/json").statusCode()).isEqualTo(200);
    throttle.clear();
    assertThat(Http.as(VICTIM, port, "/api/quality", "application/json").statusCode()).isEqualTo(200);
  }

  /** A browser-like session: the sign-in form with its CSRF token, then the session cookie. */
  private record Session(String cookie, String csrf) {
  }

  private static String csrfOf(String html) {
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(token.find()).as(html).isTrue();
    return token.group(1);
  }

  private static String cookieOf(HttpResponse<?> response, String fallback) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(fallback);
  }

  private Session signIn(String user) {
    HttpResponse<String> form = Http.as(Http.ANONYMOUS, port, "/login", "text/html");
    String cookie = cookieOf(form, null);
    HttpResponse<String> posted = Http.send(Http.request(null, port, "/login").header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
            "username=" + user + "&password=" + Http.password(user) + "&_csrf=" + csrfOf(form.body()))).build());
    assertThat(posted.statusCode()).isEqualTo(302);
    assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContain("error");
    cookie = cookieOf(posted, cookie);
    HttpResponse<String> console = Http.send(Http.request(null, port, "/sql").header("Cookie", cookie).GET().build());
    assertThat(console.statusCode()).isEqualTo(200);
    return new Session(cookie, csrfOf(console.body()));
  }

  @Test
  void theConsoleFormNeedsItsCsrfTokenAndPagesCarrySecureHeaders() {
    Session session = signIn(ANALYST);
    String form = "sql=" + URLEncoder.encode("SELECT count(*) AS n FROM ward_weekly", StandardCharsets.UTF_8);
    HttpResponse<String> without = Http.send(Http.request(null, port, "/sql").header("Cookie", session.cookie())
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    assertThat(without.statusCode()).isEqualTo(403);
    HttpResponse<String> with = Http.send(Http.request(null, port, "/sql").header("Cookie", session.cookie())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + session.csrf())).build());
    assertThat(with.statusCode()).isEqualTo(200);
    assertThat(with.body()).contains("id=\"sql-grid\"");
    // logout is a POST with the token too
    assertThat(Http.send(Http.request(null, port, "/logout").header("Cookie", session.cookie())
        .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(403);

    HttpResponse<String> page = Http.as(ADMIN, port, "/city", "text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-eval");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).doesNotContain("script-src 'self' 'unsafe-inline'");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
  }

  @Test
  void errorBodiesCarryNoStackTraces() {
    String unit = unitA();
    List<HttpResponse<String>> responses = List.of(
        Http.as(ADMIN, port, "/api/wards/" + unit + "/weeks/2020-01-07", "application/json"),
        Http.as(ADMIN, port, "/api/wards/" + unit + "/weeks/not-a-date", "application/json"),
        Http.as(ADMIN, port, "/wards/" + unit + "/weeks/not-a-date", "text/html"),
        Http.as(ADMIN, port, "/no/such/page", "text/html"),
        Http.as(ADMIN, port, "/no/such/page", "application/json"),
        Http.send(Http.request(ANALYST, port, "/api/sql").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{not json")).build()),
        Http.as(LEADER_A, port, "/api/wards/" + unitB() + "/weeks/" + week(unitB()), "application/json"));
    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isBetween(400, 499);
      assertThat(response.body()).as(response.uri().toString()).doesNotContain("at java.").doesNotContain("at org.")
          .doesNotContain("at vn.").doesNotContain("Exception").doesNotContain("\"trace\"");
    }
  }
}
