package vn.hcmc.kpi.dashboard.ward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.Fixture;
import vn.hcmc.kpi.dashboard.Fixture.WardWeek;
import vn.hcmc.kpi.dashboard.Http;

/** Publishing a new warehouse version while the app serves requests: picked up, no failed request. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "kpi.warehouse-check-interval=100ms")
class PublishedVersionSwitchTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path WAREHOUSE = copyOfFixture();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry registry) {
    registry.add("kpi.warehouse", WAREHOUSE::toString);
  }

  private static Path copyOfFixture() {
    try {
      Path copy = Files.createTempDirectory("kpi-warehouse-switch");
      Fixture.copy(Fixture.warehouse(), copy);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void deleteCopy() throws IOException {
    try (var paths = Files.walk(WAREHOUSE)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void nextRequestsSeeTheNewVersionAndNoRequestFails() throws Exception {
    WardWeek wardWeek = Fixture.completeWeekWithPrevious(WAREHOUSE);
    String api = "/api/wards/" + wardWeek.wardCode() + "/weeks/" + wardWeek.weekStart();
    String page = "/wards/" + wardWeek.wardCode() + "/weeks/" + wardWeek.weekStart();
    long before = received(Http.get(port, api));

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong requests = new AtomicLong();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService clients = Executors.newFixedThreadPool(3);
    for (String path : List.of(api, api, page)) {
      clients.submit(() -> {
        while (running.get()) {
          HttpResponse<String> response = Http.get(port, path);
          requests.incrementAndGet();
          if (response.statusCode() != 200) {
            failures.add(path + " -> " + response.statusCode() + " " + response.body());
          }
        }
      });
    }
    try {
      Thread.sleep(300);
      Fixture.publishWithReceivedChanged(WAREHOUSE, "v-test-published-later", wardWeek, 1000);
      Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> received(Http.get(port, api)) == before + 1000);
      assertThat(JSON.readTree(Http.get(port, api).body()).get("warehouseVersion").asString())
          .isEqualTo("v-test-published-later");
      Thread.sleep(300);
    } finally {
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(failures).isEmpty();
    assertThat(requests.get()).isGreaterThan(3);
  }

  private static long received(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).get("week").get("received").asLong();
  }
}
