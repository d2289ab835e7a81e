package vn.hcmc.kpi.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The load generator's statistics against known answers: percentiles on known arrays, then closed-loop
 * runs against an in-process HTTP server whose latencies and failures are set by the test.
 */
class LoadStatisticsTests {

  private static HttpServer server;
  private static ExecutorService executor;
  private static URI base;
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final AtomicInteger SENT_503 = new AtomicInteger();
  private static final AtomicInteger ANSWERED = new AtomicInteger();
  private static final AtomicInteger WITH_BASIC = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    // without it the JDK server's Nagle + the client's delayed ACK add ~40 ms to every answer
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    // every 10th request takes 80 ms, the others 2 ms: one client in a closed loop sees exactly that mix
    server.createContext("/mixed", exchange -> {
      int n = SEQUENCE.incrementAndGet();
      sleep(n % 10 == 0 ? 80 : 2);
      answer(exchange, 200);
    });
    // every 4th request is a 503; the server counts what it sent
    server.createContext("/flaky", exchange -> {
      if (exchange.getRequestHeaders().getFirst("Authorization") != null) {
        WITH_BASIC.incrementAndGet();
      }
      ANSWERED.incrementAndGet();
      boolean fail = SEQUENCE.incrementAndGet() % 4 == 0;
      if (fail) {
        SENT_503.incrementAndGet();
      }
      answer(exchange, fail ? 503 : 200);
    });
    server.createContext("/hang", exchange -> {
      sleep(1000);
      answer(exchange, 200);
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    byte[] body = "{\"ok\":true}".getBytes();
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static LatencyStats stats(long... millis) {
    long[] nanos = new long[millis.length];
    for (int i = 0; i < millis.length; i++) {
      nanos[i] = millis[i] * 1_000_000;
    }
    return new LatencyStats(nanos, 0, Map.of(), 1);
  }

  @Test
  void percentilesAreNearestRankOnTheSortedLatencies() {
    long[] oneToHundred = new long[100];
    for (int i = 0; i < 100; i++) {
      oneToHundred[i] = i + 1;
    }
    LatencyStats s = stats(oneToHundred);
    assertEquals(50, s.percentileMs(50));
    assertEquals(95, s.percentileMs(95));
    assertEquals(99, s.percentileMs(99));
    assertEquals(100, s.percentileMs(100));
    assertEquals(100, s.maxMs());
    assertEquals(100, s.throughput());
    LatencyStats three = stats(10, 20, 30);
    assertEquals(20, three.percentileMs(50));
    assertEquals(30, three.percentileMs(95));
    assertEquals(10, three.percentileMs(1));
    assertTrue(Double.isNaN(stats().percentileMs(95)));
    assertThrows(IllegalArgumentException.class, () -> three.percentileMs(0));
    assertThrows(IllegalArgumentException.class, () -> stats(30, 10));
  }

  @Test
  void recordersMergeLatenciesAndErrorKinds() {
    LatencyRecorder a = new LatencyRecorder();
    LatencyRecorder b = new LatencyRecorder();
    for (int i = 0; i < 3000; i++) {
      a.record(3_000_000, true, null);
    }
    b.record(1_000_000, false, "HTTP 500");
    b.error("timeout");
    b.error("timeout");
    LatencyStats s = LatencyRecorder.merge(List.of(a, b)).stats(2);
    assertEquals(3001, s.requests());
    assertEquals(3, s.errors());
    assertEquals("HTTP 500 ×1, timeout ×2", s.errorSummary());
    assertEquals(1, s.percentileMs(0.01));
    assertEquals(3, s.percentileMs(50));
    assertEquals(1500.5, s.throughput());
  }

  @Test
  void oneClientSeesTheServersLatencyMix() throws Exception {
    ApiClient client = new ApiClient(base, new ApiClient.Account("u", "p"), ApiClient.Auth.BASIC, Duration.ofSeconds(5));
    LatencyStats s = ClosedLoop.run(List.of(() -> client.call(ApiRequest.get("/mixed"))), Duration.ofMillis(100),
        Duration.ofMillis(1500));
    assertTrue(s.requests() >= 15, "requests " + s.requests());
    assertEquals(0, s.errors());
    // 90 % take ~2 ms, 10 % ~80 ms: the median is fast, p95 and p99 are slow
    assertTrue(s.percentileMs(50) >= 2 && s.percentileMs(50) < 40, "p50 " + s.percentileMs(50));
    assertTrue(s.percentileMs(95) >= 80, "p95 " + s.percentileMs(95));
    assertTrue(s.percentileMs(99) >= 80 && s.maxMs() < 1000, "p99 " + s.percentileMs(99) + " max " + s.maxMs());
    // a closed loop cannot go faster than 10 requests per 9 * 2 + 80 ms
    assertTrue(s.throughput() > 10 && s.throughput() < 105, "throughput " + s.throughput());
  }

  @Test
  void nonSuccessAnswersAreErrorsCountedExactly() throws Exception {
    ANSWERED.set(0);
    SENT_503.set(0);
    WITH_BASIC.set(0);
    List<ClosedLoop.Caller> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ApiClient client = new ApiClient(base, new ApiClient.Account("u", "p"), ApiClient.Auth.BASIC,
          Duration.ofSeconds(5));
      clients.add(() -> client.call(ApiRequest.get("/flaky")));
    }
    // no warm-up: every request the server answered was measured
    LatencyStats s = ClosedLoop.run(clients, Duration.ZERO, Duration.ofMillis(700));
    assertEquals(ANSWERED.get(), s.requests());
    assertEquals(SENT_503.get(), s.errors());
    assertTrue(s.errors() > 0, "the server sent 503s");
    assertEquals("HTTP 503 ×" + SENT_503.get(), s.errorSummary());
    assertEquals(ANSWERED.get(), WITH_BASIC.get(), "every request carries HTTP Basic");
  }

  @Test
  void requestsWithoutAnAnswerAreErrorsWithoutALatency() throws Exception {
    ApiClient client = new ApiClient(base, new ApiClient.Account("u", "p"), ApiClient.Auth.BASIC,
        Duration.ofMillis(150));
    LatencyStats s = ClosedLoop.run(List.of(() -> client.call(ApiRequest.get("/hang"))), Duration.ZERO,
        Duration.ofMillis(400));
    assertEquals(0, s.requests());
    assertTrue(s.errors() >= 2, "errors " + s.errors());
    assertEquals("timeout ×" + s.errors(), s.errorSummary());
    LatencyStats refused = ClosedLoop.run(List.of(() -> {
      throw new IOException("connection refused");
    }), Duration.ZERO, Duration.ofMillis(50));
    assertEquals(0, refused.requests());
    assertTrue(refused.errorSummary().startsWith("IOException ×"), refused.errorSummary());
  }
}
