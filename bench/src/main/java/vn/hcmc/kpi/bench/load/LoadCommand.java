package vn.hcmc.kpi.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code kpi bench --load}: starts the real dashboard on a warehouse, checks the load plan against its
 * OpenAPI document, finds the parameters through the API, then loads each endpoint with N closed-loop
 * clients for each N, and writes load.csv and load.html (see {@link LoadOptions#USAGE}).
 */
public final class LoadCommand {

  /** Numbers the SQL texts of {@code --fresh-sql}, over all clients. */
  private static final java.util.concurrent.atomic.AtomicLong FRESH = new java.util.concurrent.atomic.AtomicLong();

  /** The demo profile's accounts (application-demo.yml): password "demo". */
  static final Map<EndpointPlan.Role, ApiClient.Account> ACCOUNTS = Map.of(
      EndpointPlan.Role.LEADER, new ApiClient.Account("leader-26782", "demo"),
      EndpointPlan.Role.PLANNER, new ApiClient.Account("planner", "demo"),
      EndpointPlan.Role.ANALYST, new ApiClient.Account("analyst", "demo"),
      EndpointPlan.Role.ADMIN, new ApiClient.Account("admin", "demo"));

  /** What the dashboard logs once a version's background tables (overdue list, dossier index) are built. */
  static final List<String> BUILT = List.of("derived tables 'overdue' built", "dossier index built");
  static final java.time.Duration READY_TIMEOUT = java.time.Duration.ofMinutes(10);

  private LoadCommand() {
  }

  /** @param args the options after {@code --load} */
  public static int run(List<String> args) throws Exception {
    if (args.contains("--help") || args.contains("-h")) {
      System.out.print(LoadOptions.USAGE);
      return 0;
    }
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("kpi bench --load: " + e.getMessage());
      System.err.print(LoadOptions.USAGE);
      return 2;
    }
    Path root = Path.of(System.getProperty("kpi.root", ".")).toAbsolutePath().normalize();
    Files.createDirectories(options.out());
    WarehouseSize size = WarehouseSize.of(options.warehouse());
    System.out.printf("== dashboard load on %s (%s)%n", options.warehouse(), size);
    List<LoadResult> results = new ArrayList<>();
    try (DashboardProcess dashboard = DashboardProcess.start(root, options.warehouse(), options.port(), options.out(),
        options.serveJavaOptions())) {
      System.out.printf("   dashboard ready at %s (peak RSS %d MB), log %s%n", dashboard.base(),
          dashboard.peakRssKb() / 1024, options.out().resolve("load-dashboard.log"));
      ClientPool pool = new ClientPool(dashboard.base(), options);
      List<EndpointPlan.Target> targets = EndpointPlan.check(documented(pool.client(EndpointPlan.Role.ADMIN)),
          options.downloads()).stream().filter(t -> t.operation().contains(options.only())).toList();
      if (targets.isEmpty()) {
        System.err.println("kpi bench --load: no planned operation contains --only '" + options.only() + "': "
            + EndpointPlan.TARGETS.stream().map(EndpointPlan.Target::operation).toList());
        return 2;
      }
      Fixture fixture = Fixture.discover(discoveryClients(pool));
      System.out.println("   parameters: " + fixture);
      // finding the parameters opened a ward review, which starts building the version's overdue tables in
      // the background; measuring before they are built would measure the build (minutes on a year)
      // (and opening the version started its dossier index)
      for (String line : BUILT) {
        long waitStart = System.nanoTime();
        boolean built = dashboard.awaitLog(line, READY_TIMEOUT);
        System.out.printf("   %s: %s after %.1f s%n", line, built ? "yes" : "NOT SEEN (measuring anyway)",
            (System.nanoTime() - waitStart) / 1e9);
      }
      for (EndpointPlan.Target target : targets) {
        ApiRequest request = target.request().apply(fixture);
        for (int clients : options.clients()) {
          List<ClosedLoop.Caller> callers = new ArrayList<>();
          for (ApiClient client : pool.clients(target.role(), clients)) {
            callers.add(options.freshSql() && request.pathAndQuery().equals("/api/sql")
                ? () -> client.call(EndpointPlan.freshSql(request, FRESH.incrementAndGet()))
                : () -> client.call(request));
          }
          LatencyStats stats = ClosedLoop.run(callers, options.warmup(), options.duration());
          LoadResult result = new LoadResult(target.operation(), ACCOUNTS.get(target.role()).username(), clients,
              stats, dashboard.peakRssKb(), loadAverage());
          results.add(result);
          System.out.println("   " + LoadReport.line(result));
        }
      }
    }
    LoadReport.write(options, size, results);
    System.out.println();
    System.out.print(LoadReport.table(results));
    System.out.println("results: " + options.out().resolve("load.csv").toAbsolutePath() + ", "
        + options.out().resolve("load.html").toAbsolutePath());
    return 0;
  }

  /** One signed-in client per role for the parameter search. */
  private static Map<EndpointPlan.Role, ApiClient> discoveryClients(ClientPool pool) throws Exception {
    Map<EndpointPlan.Role, ApiClient> clients = new EnumMap<>(EndpointPlan.Role.class);
    for (EndpointPlan.Role role : EndpointPlan.Role.values()) {
      clients.put(role, pool.client(role));
    }
    return clients;
  }

  /** The document's operations as "METHOD /path". */
  static Set<String> documented(ApiClient admin) throws IOException, InterruptedException {
    JsonNode paths = Fixture.json(admin, "/v3/api-docs").path("paths");
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      path.getValue().fieldNames().forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey()));
    }
    if (operations.isEmpty()) {
      throw new IOException("/v3/api-docs lists no operations");
    }
    return operations;
  }

  /** The 1-minute load average from /proc/loadavg, NaN where there is none. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
