package vn.hcmc.kpi.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** bench.csv (one row per size) and bench.html (cost against input size, as an SVG a browser opens). */
final class Report {
  private Report() {}

  static void write(Path out, List<BenchCommand.Size> sizes, int units, String heap) throws Exception {
    StringBuilder csv = new StringBuilder("weeks,units,events,dossiers,input_mb,etl_median_s,etl_runs_s,"
        + "events_per_s,peak_rss_mb,heap,warehouse_mb,figures_only_median_s,duckdb_median_s,etl_to_duckdb,"
        + "figures_only_to_duckdb,same_figures,cores,java\n");
    for (BenchCommand.Size s : sizes) {
      double etl = s.median(s.etlSeconds());
      double base = s.median(s.baselineSeconds());
      double figures = s.median(s.figuresSeconds());
      csv.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%.1f,%.2f,%s,%.0f,%d,%s,%.1f,%s,%s,%s,%s,%s,%d,%s%n", s.weeks(),
          units, s.events(), s.dossiers(), s.inputBytes() / 1e6, etl,
          String.join(" ", s.etlSeconds().stream().map(BenchCommand::fmt).toList()), s.events() / etl,
          s.peakRssKb() / 1024, heap, s.warehouseBytes() / 1e6, Double.isNaN(figures) ? "" : BenchCommand.fmt(figures),
          Double.isNaN(base) ? "" : BenchCommand.fmt(base), Double.isNaN(base) ? "" : BenchCommand.fmt(etl / base),
          Double.isNaN(base) || Double.isNaN(figures) ? "" : BenchCommand.fmt(figures / base), s.agree(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
    }
    BenchCommand.writeString(out.resolve("bench.csv"), csv.toString());
    BenchCommand.writeString(out.resolve("bench.html"), html(sizes));
  }

  static String html(List<BenchCommand.Size> sizes) {
    double maxX = sizes.stream().mapToLong(BenchCommand.Size::events).max().orElse(1);
    double maxY = 1;
    for (BenchCommand.Size s : sizes) {
      maxY = Math.max(maxY, s.median(s.etlSeconds()));
      if (!s.baselineSeconds().isEmpty()) maxY = Math.max(maxY, s.median(s.baselineSeconds()));
    }
    int w = 640, h = 360, pad = 50;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d'>", w, h));
    svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/>", pad, h - pad, w - 10, h - pad));
    svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='10' x2='%d' y2='%d' stroke='#333'/>", pad, pad, h - pad));
    svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='12'>events (max %,.0f)</text>", w / 2 - 60, h - 15, maxX));
    svg.append(String.format(Locale.ROOT, "<text x='5' y='20' font-size='12'>seconds (max %.0f)</text>", maxY));
    series(svg, sizes, BenchCommand.Size::etlSeconds, "#c62828", maxX, maxY, w, h, pad);
    series(svg, sizes, BenchCommand.Size::figuresSeconds, "#ef6c00", maxX, maxY, w, h, pad);
    series(svg, sizes, BenchCommand.Size::baselineSeconds, "#1565c0", maxX, maxY, w, h, pad);
    svg.append("<text x='70' y='30' fill='#c62828' font-size='12'>Spark ETL (median)</text>");
    svg.append("<text x='70' y='46' fill='#ef6c00' font-size='12'>Spark, weekly tables only: kpi etl --figures-only "
        + "(median)</text>");
    svg.append("<text x='70' y='62' fill='#1565c0' font-size='12'>DuckDB baseline, ward_weekly (median)</text></svg>");
    return "<!doctype html><meta charset='utf-8'><title>kpi bench</title><h1>ETL cost against input size</h1>"
        + svg + "<p>See bench.csv for the figures. Dashboard load (<code>kpi bench --load</code>): "
        + "<a href='load.html'>load.html</a>, load.csv.</p>";
  }

  private static void series(StringBuilder svg, List<BenchCommand.Size> sizes,
                             java.util.function.Function<BenchCommand.Size, List<Double>> seconds, String colour, double maxX,
                             double maxY, int w, int h, int pad) {
    StringBuilder points = new StringBuilder();
    for (BenchCommand.Size s : sizes) {
      List<Double> xs = seconds.apply(s);
      if (xs.isEmpty()) continue;
      double x = pad + (w - pad - 20) * s.events() / maxX;
      double y = h - pad - (h - pad - 20) * s.median(xs) / maxY;
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='4' fill='%s'/>", x, y, colour));
    }
    svg.append(String.format("<polyline fill='none' stroke='%s' points='%s'/>", colour, points));
  }
}
