package vn.hcmc.kpi.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** load.csv (one row per endpoint and concurrency), load.html (table and p95 chart), the printed table. */
final class LoadReport {

  static final String CSV_HEADER = "operation,account,clients,auth,requests,throughput_per_s,p50_ms,p95_ms,p99_ms,"
      + "max_ms,errors,error_kinds,meets_target,dashboard_peak_rss_mb,load_avg_1m,duration_s,warmup_s,"
      + "warehouse_version,events,dossiers,weeks,units,cores,measured_at\n";

  private LoadReport() {
  }

  static void write(LoadOptions options, WarehouseSize size, List<LoadResult> results) throws IOException {
    String when = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    StringBuilder csv = new StringBuilder(CSV_HEADER);
    for (LoadResult r : results) {
      LatencyStats s = r.stats();
      csv.append(String.format(Locale.ROOT, "\"%s\",%s,%d,%s,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%d,\"%s\",%s,%d,%.2f,%.1f,%.1f,"
              + "%s,%d,%d,%d,%d,%d,%s%n", r.operation(), r.account(), r.clients(), options.auth().name().toLowerCase(Locale.ROOT),
          s.requests(), s.throughput(), s.percentileMs(50), s.percentileMs(95), s.percentileMs(99), s.maxMs(),
          s.errors(), s.errorSummary().replace("\"", "'"), r.meetsTarget() == null ? "" : r.meetsTarget(),
          r.peakRssKb() / 1024, r.loadAverage(), options.duration().toMillis() / 1000.0,
          options.warmup().toMillis() / 1000.0, size.version(), size.events(), size.dossiers(), size.weeks(),
          size.units(), Runtime.getRuntime().availableProcessors(), when));
    }
    Files.writeString(options.out().resolve("load.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(options.out().resolve("load.html"), html(options, size, results, when), StandardCharsets.UTF_8);
  }

  /** One result as printed while the benchmark runs. */
  static String line(LoadResult r) {
    LatencyStats s = r.stats();
    return String.format(Locale.ROOT, "%-52s %3d clients: %6d req, %7.1f req/s, p50 %6.1f  p95 %6.1f  p99 %6.1f  "
            + "max %7.1f ms, errors %d%s  (load %.1f)", r.operation(), r.clients(), s.requests(), s.throughput(),
        s.percentileMs(50), s.percentileMs(95), s.percentileMs(99), s.maxMs(), s.errors(),
        s.errors() == 0 ? "" : " (" + s.errorSummary() + ")", r.loadAverage());
  }

  /** Markdown, ready for the README. */
  static String table(List<LoadResult> results) {
    StringBuilder t = new StringBuilder("| endpoint | as | clients | requests | req/s | p50 ms | p95 ms | p99 ms | max ms "
        + "| errors | p95 < 100 ms |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (LoadResult r : results) {
      LatencyStats s = r.stats();
      t.append(String.format(Locale.ROOT, "| `%s` | %s | %d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %s |%n",
          r.operation(), r.account(), r.clients(), s.requests(), s.throughput(), s.percentileMs(50),
          s.percentileMs(95), s.percentileMs(99), s.maxMs(), s.errors(),
          r.meetsTarget() == null ? "" : r.meetsTarget() ? "yes" : "**no**"));
    }
    return t.toString();
  }

  static String html(LoadOptions options, WarehouseSize size, List<LoadResult> results, String when) {
    StringBuilder h = new StringBuilder("<!doctype html><meta charset='utf-8'><title>kpi bench --load</title>"
        + "<style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:right}td:first-child{text-align:left}"
        + ".no{color:#c62828;font-weight:bold}</style><h1>Dashboard load</h1>");
    h.append(String.format(Locale.ROOT, "<p>%s; warehouse %s (%s); %s clients, %s s measured after %s s warm-up, "
            + "auth %s; %d cores; 1-minute load average at the end of each run in the table.</p>", when,
        escape(options.warehouse().toString()), escape(size.toString()), options.clients(),
        options.duration().toMillis() / 1000.0, options.warmup().toMillis() / 1000.0,
        options.auth().name().toLowerCase(Locale.ROOT), Runtime.getRuntime().availableProcessors()));
    h.append(chart(results));
    h.append("<table><tr><th>endpoint</th><th>as</th><th>clients</th><th>requests</th><th>req/s</th><th>p50 ms</th>"
        + "<th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>errors</th><th>dashboard peak RSS MB</th><th>load</th></tr>");
    for (LoadResult r : results) {
      LatencyStats s = r.stats();
      String p95 = String.format(Locale.ROOT, "%.1f", s.percentileMs(95));
      h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%d</td><td>%.1f</td><td>%.1f</td>"
              + "<td%s>%s</td><td>%.1f</td><td>%.1f</td><td>%s</td><td>%d</td><td>%.1f</td></tr>", escape(r.operation()),
          r.account(), r.clients(), s.requests(), s.throughput(), s.percentileMs(50),
          Boolean.FALSE.equals(r.meetsTarget()) ? " class='no'" : "", p95, s.percentileMs(99), s.maxMs(),
          s.errors() == 0 ? "0" : s.errors() + " (" + escape(s.errorSummary()) + ")", r.peakRssKb() / 1024,
          r.loadAverage()));
    }
    return h.append("</table><p>Target (issue 10): p95 under 100 ms at 20 clients, no errors. See load.csv.</p>")
        .toString();
  }

  /** Horizontal bars: p95 per endpoint, one bar per concurrency, the 100 ms target as a line. */
  private static String chart(List<LoadResult> results) {
    Set<String> operations = new LinkedHashSet<>();
    results.forEach(r -> operations.add(r.operation()));
    double max = LoadResult.TARGET_P95_MS * 1.2;
    for (LoadResult r : results) {
      max = Math.max(max, r.stats().percentileMs(95));
    }
    int bar = 12, left = 380, width = 420;
    List<String> colours = List.of("#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a");
    List<Integer> levels = new ArrayList<>(results.stream().map(LoadResult::clients).distinct().toList());
    int height = 30 + operations.size() * (levels.size() * bar + 10);
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-size='11'>", left + width + 80, height + 20));
    int y = 20;
    for (String operation : operations) {
      svg.append(String.format(Locale.ROOT, "<text x='0' y='%d'>%s</text>", y + bar, escape(operation)));
      for (LoadResult r : results) {
        if (!r.operation().equals(operation)) {
          continue;
        }
        double p95 = r.stats().percentileMs(95);
        String colour = colours.get(levels.indexOf(r.clients()) % colours.size());
        svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%.1f' height='%d' fill='%s'/>"
                + "<text x='%.1f' y='%d'>%.0f ms (%d clients)</text>", left, y, Double.isNaN(p95) ? 0 : width * p95 / max,
            bar - 2, colour, left + (Double.isNaN(p95) ? 0 : width * p95 / max) + 4, y + bar - 3, p95, r.clients()));
        y += bar;
      }
      y += 10;
    }
    double target = left + width * LoadResult.TARGET_P95_MS / max;
    svg.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='10' x2='%.1f' y2='%d' stroke='#c62828' "
        + "stroke-dasharray='4'/><text x='%.1f' y='10' fill='#c62828'>100 ms</text></svg>", target, target, y, target + 3));
    return "<h2>p95 latency per endpoint</h2>" + svg;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
  }
}
