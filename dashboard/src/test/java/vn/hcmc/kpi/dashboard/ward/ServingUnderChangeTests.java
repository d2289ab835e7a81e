package vn.hcmc.kpi.dashboard.ward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.Fixture;
import vn.hcmc.kpi.dashboard.Fixture.WardWeek;
import vn.hcmc.kpi.dashboard.Http;

/**
 * Reliability promise (docs/reliability.md): under load, while new versions are published every
 * 0.4 s, no request fails and no response mixes versions. Version k adds k × 1000 to every received figure of the unit, so each
 * response's headline and all of its trend points must agree with the version it names.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "kpi.warehouse-check-interval=50ms")
class ServingUnderChangeTests {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path WAREHOUSE = copyOfFixture();
  private static final int VERSIONS = 8;
  private static final int CLIENTS = 8;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry registry) { registry.add("kpi.warehouse", WAREHOUSE::toString); }

  private static Path copyOfFixture() {
    try {
      Path copy = Files.createTempDirectory("kpi-serving-under-change");
      Fixture.copy(Fixture.warehouse(), copy);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void deleteCopy() throws IOException {
    try (Stream<Path> paths = Files.walk(WAREHOUSE)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void noFailedRequestAndNoMixedVersionWhilePublishing() throws Exception {
    WardWeek wardWeek = Fixture.completeWeekWithPrevious(WAREHOUSE);
    String api = "/api/wards/" + wardWeek.wardCode() + "/weeks/" + wardWeek.weekStart();
    String original = Fixture.currentVersion(WAREHOUSE);
    JsonNode base = JSON.readTree(ok(Http.get(port, api)).body());
    List<Path> prepared = new ArrayList<>();
    for (int k = 1; k <= VERSIONS; k++) prepared.add(prepare(original, "v-load-" + k, wardWeek.wardCode(), 1000L * k));

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong requests = new AtomicLong();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
    for (int i = 0; i < CLIENTS; i++) {
      clients.submit(() -> {
        while (running.get()) {
          HttpResponse<String> r = Http.get(port, api);
          requests.incrementAndGet();
          if (r.statusCode() != 200) { failures.add(r.statusCode() + " " + r.body()); continue; }
          String problem = consistency(base, JSON.readTree(r.body()), original, seen);
          if (problem != null) failures.add(problem);
        }
      });
    }
    String page = "/wards/" + wardWeek.wardCode() + "/weeks/" + wardWeek.weekStart();
    clients.submit(() -> {
      while (running.get()) {
        HttpResponse<String> r = Http.get(port, page, "text/html");
        requests.incrementAndGet();
        if (r.statusCode() != 200) failures.add("page " + r.statusCode());
      }
    });
    try {
      // Paced by requests served, not by the clock: each version is replaced only after every client
      // could have asked for it, however busy the machine is.
      // Each version is replaced only once it has been served: kept results make a request far cheaper
      // than opening a version, and until a new one is open the old one keeps answering, so pacing by
      // requests alone let publishes overtake the switch and some versions were never seen.
      for (Path version : prepared) {
        awaitRequests(requests, CLIENTS + 1);
        String name = version.getFileName().toString();
        publish(name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!seen.contains(name) && System.nanoTime() < deadline) Thread.sleep(10);
      }
      awaitRequests(requests, CLIENTS + 1);
    } finally {
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(failures).isEmpty();
    assertThat(requests.get()).isGreaterThanOrEqualTo((VERSIONS + 1L) * (CLIENTS + 1));
    List<String> all = new ArrayList<>();
    for (Path version : prepared) all.add(version.getFileName().toString());
    assertThat(seen).as("versions served").containsAll(all);
  }

  /** Waits until this many more requests have been answered (at most 30 s: a stuck server fails the test). */
  private static void awaitRequests(AtomicLong requests, int more) throws InterruptedException {
    long target = requests.get() + more;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (requests.get() < target) {
      assertThat(System.nanoTime()).as("requests answered in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Null when every received figure of the response matches the version it names. */
  private static String consistency(JsonNode base, JsonNode got, String original, Set<String> seen) {
    String version = got.get("warehouseVersion").asString();
    seen.add(version);
    long k = version.equals(original) ? 0 : Long.parseLong(version.substring("v-load-".length()));
    long delta = 1000 * k;
    if (got.get("week").get("received").asLong() != base.get("week").get("received").asLong() + delta) {
      return version + ": headline received " + got.get("week").get("received");
    }
    for (int i = 0; i < base.get("trend").size(); i++) {
      JsonNode b = base.get("trend").get(i);
      JsonNode g = got.get("trend").get(i);
      if (b.get("hasData").asBoolean() && g.get("received").asLong() != b.get("received").asLong() + delta) {
        return version + ": trend week " + g.get("weekStart") + " received " + g.get("received");
      }
    }
    return null;
  }

  /** A copy of the original version with every received figure of the unit raised by delta. */
  private static Path prepare(String original, String id, String ward, long delta) throws Exception {
    Path from = WAREHOUSE.resolve("versions").resolve(original);
    Path next = WAREHOUSE.resolve("versions").resolve(id);
    Fixture.copy(from, next);
    Path weekly = next.resolve("ward_weekly");
    try (Stream<Path> files = Files.list(weekly)) {
      for (Path f : files.toList()) Files.delete(f);
    }
    try (Connection db = Fixture.duckdb(); Statement sql = db.createStatement()) {
      sql.execute("COPY (SELECT * REPLACE (CASE WHEN ward_code = '" + ward + "' THEN received + " + delta
          + " ELSE received END AS received) FROM read_parquet('" + from.resolve("ward_weekly") + "/*.parquet')) TO '"
          + weekly.resolve("part-0.parquet") + "' (FORMAT parquet)");
    }
    return next;
  }

  /**
   * What the ETL does: switch CURRENT atomically. (It deletes a version beyond the newest kept ones
   * only once it was replaced more than WarehousePublisher's retirement period ago, minutes, not
   * within the seconds of this test.)
   */
  private static void publish(String id) throws IOException {
    Path tmp = WAREHOUSE.resolve("CURRENT." + id + ".tmp");
    Files.writeString(tmp, id + "\n");
    Files.move(tmp, WAREHOUSE.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static HttpResponse<String> ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(200);
    return r;
  }
}
