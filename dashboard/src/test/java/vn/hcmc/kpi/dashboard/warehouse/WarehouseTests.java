package vn.hcmc.kpi.dashboard.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hcmc.kpi.dashboard.Fixture;
import vn.hcmc.kpi.dashboard.Fixture.WardWeek;
import vn.hcmc.kpi.dashboard.warehouse.WarehouseUnavailableException.Reason;

class WarehouseTests {

  private static final String RECEIVED = "SELECT received FROM ward_weekly WHERE ward_code = ? AND week_start = ?";

  @Test
  void opensOneViewPerTableOfThePublishedVersion() throws Exception {
    Path root = Fixture.warehouse();
    long expected;
    try (Connection db = Fixture.duckdb(); Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM " + Fixture.table(root, "ward_weekly"))) {
      row.next();
      expected = row.getLong(1);
    }
    try (Warehouse warehouse = new Warehouse(root)) {
      assertThat(warehouse.currentVersionId()).isEqualTo(Fixture.currentVersion(root));
      assertThat(warehouse.read(Warehouse.Snapshot::tables)).contains("ward_weekly", "units");
      assertThat(warehouse.query("SELECT count(*) FROM ward_weekly", row -> row.getLong(1))).containsExactly(expected);
    }
  }

  @Test
  void queriesRunInHoChiMinhTime() {
    try (Warehouse warehouse = new Warehouse(Fixture.warehouse())) {
      assertThat(warehouse.query("SELECT current_setting('TimeZone')", row -> row.getString(1)))
          .containsExactly("Asia/Ho_Chi_Minh");
      assertThat(warehouse.query("SELECT (TIMESTAMPTZ '2025-01-01 00:00:00+00')::VARCHAR", row -> row.getString(1)))
          .containsExactly("2025-01-01 07:00:00+07");
    }
  }

  @Test
  void readsNoFilesOutsideThePublishedVersion() {
    try (Warehouse warehouse = new Warehouse(Fixture.warehouse())) {
      assertThatThrownBy(() -> warehouse.query("SELECT * FROM read_csv('/etc/passwd')", row -> row.getString(1)))
          .isInstanceOf(WarehouseQueryException.class).hasMessageContaining("Permission");
      assertThatThrownBy(() -> warehouse.query("SET TimeZone = 'UTC'", row -> null))
          .isInstanceOf(WarehouseQueryException.class);
    }
  }

  @Test
  void missingDirectoryIsReportedClearly(@TempDir Path empty) {
    try (Warehouse warehouse = new Warehouse(empty.resolve("nowhere"))) {
      assertThatThrownBy(warehouse::currentVersionId).isInstanceOf(WarehouseUnavailableException.class)
          .hasMessageContaining("does not exist")
          .satisfies(e -> assertThat(((WarehouseUnavailableException) e).reason()).isEqualTo(Reason.NO_DIRECTORY));
    }
  }

  @Test
  void unpublishedWarehouseIsReportedClearly(@TempDir Path empty) {
    try (Warehouse warehouse = new Warehouse(empty)) {
      assertThatThrownBy(warehouse::currentVersionId).isInstanceOf(WarehouseUnavailableException.class)
          .hasMessageContaining("no version published yet")
          .satisfies(e -> assertThat(((WarehouseUnavailableException) e).reason()).isEqualTo(Reason.NOT_PUBLISHED));
    }
  }

  @Test
  void picksUpThePublishedVersionOnceCurrentExists(@TempDir Path copy) throws Exception {
    try (Warehouse warehouse = new Warehouse(copy, Duration.ZERO)) {
      assertThatThrownBy(warehouse::currentVersionId).isInstanceOf(WarehouseUnavailableException.class);
      Fixture.copy(Fixture.warehouse(), copy);
      assertThat(warehouse.currentVersionId()).isEqualTo(Fixture.currentVersion(copy));
    }
  }

  @Test
  void switchesToANewlyPublishedVersionWhileReadersFinishOnTheOldOne(@TempDir Path copy) throws Exception {
    Fixture.copy(Fixture.warehouse(), copy);
    WardWeek wardWeek = Fixture.completeWeekWithPrevious(copy);
    String oldVersion = Fixture.currentVersion(copy);
    try (Warehouse warehouse = new Warehouse(copy, Duration.ofMillis(50))) {
      long before = warehouse.query(RECEIVED, row -> row.getLong(1), wardWeek.wardCode(), wardWeek.weekStart()).get(0);
      CountDownLatch reading = new CountDownLatch(1);
      CountDownLatch published = new CountDownLatch(1);
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        // A reader that holds the old version across the switch.
        Future<Long> inFlight = executor.submit(() -> warehouse.read(snapshot -> {
          reading.countDown();
          await(published);
          assertThat(snapshot.versionId()).isEqualTo(oldVersion);
          return snapshot.query(RECEIVED, row -> row.getLong(1), wardWeek.wardCode(), wardWeek.weekStart()).get(0);
        }));
        reading.await();
        Fixture.publishWithReceivedChanged(copy, "v-test-switch", wardWeek, 1000);
        Thread.sleep(100);
        assertThat(warehouse.query(RECEIVED, row -> row.getLong(1), wardWeek.wardCode(), wardWeek.weekStart()))
            .containsExactly(before + 1000);
        assertThat(warehouse.currentVersionId()).isEqualTo("v-test-switch");
        published.countDown();
        assertThat(inFlight.get()).isEqualTo(before);
      } finally {
        executor.shutdownNow();
      }
    }
  }

  @Test
  void keepsServingTheOldVersionWhenCurrentNamesAMissingOne(@TempDir Path copy) throws Exception {
    Fixture.copy(Fixture.warehouse(), copy);
    String version = Fixture.currentVersion(copy);
    try (Warehouse warehouse = new Warehouse(copy, Duration.ZERO)) {
      assertThat(warehouse.currentVersionId()).isEqualTo(version);
      Files.writeString(copy.resolve("CURRENT"), "v-not-there\n");
      assertThat(warehouse.currentVersionId()).isEqualTo(version);
    }
  }

  @Test
  void keepsAResultPerVersionAndKeyComputedOnceButNotAFailure(@TempDir Path copy) throws Exception {
    Fixture.copy(Fixture.warehouse(), copy);
    WardWeek wardWeek = Fixture.completeWeekWithPrevious(copy);
    java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Function<Warehouse.Snapshot, Long> received = s -> s.cached(java.util.List.of("received", 1),
        () -> {
          computed.incrementAndGet();
          return s.query(RECEIVED, row -> row.getLong(1), wardWeek.wardCode(), wardWeek.weekStart()).get(0);
        });
    try (Warehouse warehouse = new Warehouse(copy, Duration.ZERO)) {
      long before = warehouse.read(received);
      ExecutorService executor = Executors.newFixedThreadPool(8);
      try {
        java.util.List<Future<Long>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
          answers.add(executor.submit(() -> warehouse.read(received)));
        }
        for (Future<Long> answer : answers) {
          assertThat(answer.get()).isEqualTo(before);
        }
      } finally {
        executor.shutdownNow();
      }
      assertThat(computed.get()).isEqualTo(1);
      // another key is another result
      assertThat(warehouse.read(s -> s.<Long>cached(java.util.List.of("received", 2), () -> -1L)).longValue()).isEqualTo(-1L);
      // a failure is passed on, not kept
      java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
      java.util.function.Function<Warehouse.Snapshot, Long> failing = s -> s.cached("failing", () -> {
        failures.incrementAndGet();
        throw new IllegalStateException("no");
      });
      assertThatThrownBy(() -> warehouse.read(failing)).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> warehouse.read(failing)).isInstanceOf(IllegalStateException.class);
      assertThat(failures.get()).isEqualTo(2);
      // a new published version computes its own
      Fixture.publishWithReceivedChanged(copy, "v-test-cached", wardWeek, 1000);
      assertThat(warehouse.read(received)).isEqualTo(before + 1000);
      assertThat(computed.get()).isEqualTo(2);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
