package vn.hcmc.kpi.notebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small chart drawn as SVG (shown inline by Jupyter, kept in the saved notebook, no JavaScript):
 * vertical or horizontal bars, lines, scatter with labels, histogram; optional reference lines
 * (targets, statutory limits) and percent axes for rates in [0, 1].
 *
 * <pre>{@code
 * Chart.barh(ranking, "ward", "on_time_rate").percent().title("On-time rate / Tỷ lệ đúng hạn")
 * Chart.scatter(t, "resolved_per_officer", "on_time_rate", "ward").percentY()
 * Chart.lines(weekly, "week_start", "ward", "on_time_rate").percent().refLine(0.9, "target 90%")
 * }</pre>
 * Null and NaN values are left out (a gap in a line, no bar).
 */
public final class Chart implements Rich {
  private static final String[] PALETTE =
      {"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"};

  private enum Kind { BAR, HBAR, LINE, SCATTER }

  private record Series(String name, double[] values) {}

  private record Ref(double value, String label) {}

  private final Kind kind;
  private final List<String> categories;   // BAR, HBAR, LINE
  private final List<Series> series;       // BAR, HBAR, LINE: parallel to categories
  private final double[] xs;               // SCATTER
  private final double[] ys;
  private final List<String> pointLabels;
  private final List<Ref> refs = new ArrayList<>();
  private String title = "";
  private String xLabel = "";
  private String yLabel = "";
  private int width = 760;
  private int height = 400;
  private boolean percentValues;
  private boolean percentX;

  private Chart(Kind kind, List<String> categories, List<Series> series, double[] xs, double[] ys,
      List<String> pointLabels) {
    this.kind = kind;
    this.categories = categories;
    this.series = series;
    this.xs = xs;
    this.ys = ys;
    this.pointLabels = pointLabels;
  }

  // ---- factories ----

  /** Vertical bars: one group per label, one bar per value column. */
  public static Chart bar(Table table, String labelColumn, String... valueColumns) {
    return categorical(Kind.BAR, table, labelColumn, valueColumns);
  }

  /** Horizontal bars (rankings, long names), top to bottom in table order. */
  public static Chart barh(Table table, String labelColumn, String... valueColumns) {
    return categorical(Kind.HBAR, table, labelColumn, valueColumns);
  }

  /** Vertical bars from plain lists. */
  public static Chart bar(List<String> labels, double[] values) {
    return new Chart(Kind.BAR, List.copyOf(labels), List.of(new Series("", values)), null, null, null);
  }

  /** One line per value column over the x column (dates, weeks, hours...), in table order. */
  public static Chart line(Table table, String xColumn, String... valueColumns) {
    return categorical(Kind.LINE, table, xColumn, valueColumns).xLabel(xColumn);
  }

  /**
   * One line per distinct value of {@code seriesColumn} (e.g. one per ward) from a long table:
   * x values in first-seen order.
   */
  public static Chart lines(Table table, String xColumn, String seriesColumn, String valueColumn) {
    List<String> xsSeen = new ArrayList<>();
    Map<String, Map<String, Double>> bySeries = new LinkedHashMap<>();
    List<String> x = table.strings(xColumn);
    List<String> s = table.strings(seriesColumn);
    double[] v = table.doubles(valueColumn);
    for (int i = 0; i < v.length; i++) {
      if (!xsSeen.contains(x.get(i))) {
        xsSeen.add(x.get(i));
      }
      bySeries.computeIfAbsent(String.valueOf(s.get(i)), k -> new LinkedHashMap<>()).put(x.get(i), v[i]);
    }
    List<Series> series = new ArrayList<>();
    bySeries.forEach((name, points) -> {
      double[] values = new double[xsSeen.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = points.getOrDefault(xsSeen.get(i), Double.NaN);
      }
      series.add(new Series(name, values));
    });
    return new Chart(Kind.LINE, xsSeen, series, null, null, null).xLabel(xColumn).yLabel(valueColumn);
  }

  /** Points (x, y), each labelled with {@code labelColumn} unless it is null. */
  public static Chart scatter(Table table, String xColumn, String yColumn, String labelColumn) {
    return new Chart(Kind.SCATTER, null, null, table.doubles(xColumn), table.doubles(yColumn),
        labelColumn == null ? null : table.strings(labelColumn)).xLabel(xColumn).yLabel(yColumn);
  }

  /** Counts of a numeric column in {@code bins} equal-width bins. */
  public static Chart histogram(Table table, String column, int bins) {
    return histogram(table.doubles(column), bins).xLabel(column);
  }

  /** Counts of {@code values} (NaN ignored) in {@code bins} equal-width bins. */
  public static Chart histogram(double[] values, int bins) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) {
      return bar(List.of(), new double[0]).yLabel("count");
    }
    int n = Math.max(1, bins);
    double step = hi > lo ? (hi - lo) / n : 1;
    double[] counts = new double[n];
    for (double v : values) {
      if (!Double.isNaN(v)) {
        counts[Math.min(n - 1, (int) ((v - lo) / step))]++;
      }
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels.add(number(lo + i * step, step) + "–" + number(lo + (i + 1) * step, step));
    }
    return bar(labels, counts).yLabel("count");
  }

  private static Chart categorical(Kind kind, Table table, String labelColumn, String... valueColumns) {
    if (valueColumns.length == 0) {
      throw new IllegalArgumentException("name at least one value column");
    }
    List<Series> series = new ArrayList<>();
    for (String c : valueColumns) {
      series.add(new Series(c, table.doubles(c)));
    }
    List<String> labels = new ArrayList<>();
    for (String l : table.strings(labelColumn)) {
      labels.add(l == null ? "(null)" : l);
    }
    Chart chart = new Chart(kind, labels, series, null, null, null);
    return valueColumns.length == 1 ? chart.yLabel(valueColumns[0]) : chart;
  }

  // ---- options ----

  public Chart title(String text) {
    this.title = text;
    return this;
  }

  /** Label of the horizontal axis. */
  public Chart xLabel(String text) {
    this.xLabel = text;
    return this;
  }

  /** Label of the value axis (vertical, or horizontal for {@link #barh}). */
  public Chart yLabel(String text) {
    this.yLabel = text;
    return this;
  }

  public Chart size(int widthPx, int heightPx) {
    this.width = widthPx;
    this.height = heightPx;
    return this;
  }

  /** Values are fractions in [0, 1]: axis in percent (for scatter: the y axis). */
  public Chart percent() {
    this.percentValues = true;
    return this;
  }

  /** Scatter: the y axis in percent. */
  public Chart percentY() {
    return percent();
  }

  /** Scatter: the x axis in percent. */
  public Chart percentX() {
    this.percentX = true;
    return this;
  }

  /** A dashed reference line at {@code value} on the value axis (a target, a limit). */
  public Chart refLine(double value, String label) {
    refs.add(new Ref(value, label));
    return this;
  }

  @Override
  public Map<String, String> mimeBundle() {
    Map<String, String> bundle = new LinkedHashMap<>();
    bundle.put("image/svg+xml", svg());
    bundle.put("text/plain", "Chart: " + (title.isEmpty() ? kind.name().toLowerCase(Locale.ROOT) : title));
    return bundle;
  }

  // ---- drawing ----

  /** The chart as a standalone SVG document. */
  public String svg() {
    Svg svg = new Svg(width, height);
    int top = title.isEmpty() ? 20 : 44;
    if (!title.isEmpty()) {
      svg.text(width / 2.0, 24, title, "middle", 15, "bold", "#333");
    }
    boolean legend = series != null && series.size() > 1;
    if (legend) {
      double x = 60;
      for (int i = 0; i < series.size(); i++) {
        svg.rect(x, top - 12, 12, 10, color(i), null);
        svg.text(x + 16, top - 3, series.get(i).name(), "start", 11, "normal", "#333");
        x += 26 + 7 * series.get(i).name().length();
      }
      top += 14;
    }
    switch (kind) {
      case BAR, LINE -> drawVertical(svg, top);
      case HBAR -> drawHorizontal(svg, top);
      case SCATTER -> drawScatter(svg, top);
    }
    return svg.toString();
  }

  private double[] valueRange(double[]... arrays) {
    double lo = 0;
    double hi = 0;
    boolean any = false;
    for (double[] a : arrays) {
      for (double v : a) {
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
          lo = any ? Math.min(lo, v) : Math.min(0, v);
          hi = any ? Math.max(hi, v) : Math.max(0, v);
          any = true;
        }
      }
    }
    for (Ref r : refs) {
      lo = Math.min(lo, r.value());
      hi = Math.max(hi, r.value());
    }
    if (hi <= lo) {
      hi = lo + (percentValues ? 1 : 1);
    }
    return new double[] {lo, hi};
  }

  private double[][] seriesValues() {
    double[][] all = new double[series.size()][];
    for (int i = 0; i < all.length; i++) {
      all[i] = series.get(i).values();
    }
    return all;
  }

  private void drawVertical(Svg svg, int top) {
    int n = categories.size();
    int maxLabel = categories.stream().mapToInt(String::length).max().orElse(0);
    boolean rotate = n > 0 && maxLabel * 7 > (width - 90.0) / n;
    int bottom = height - (rotate ? Math.min(130, 20 + maxLabel * 6) : 40) - (xLabel.isEmpty() ? 0 : 16);
    double left = 70;
    double right = width - 20;
    double[] range = valueRange(seriesValues());
    Ticks ticks = Ticks.of(range[0], range[1]);
    double lo = ticks.first;
    double hi = ticks.last;
    java.util.function.DoubleUnaryOperator y = v -> bottom - (v - lo) / (hi - lo) * (bottom - top);
    for (double t = ticks.first; t <= ticks.last + ticks.step / 2; t += ticks.step) {
      svg.line(left, y.applyAsDouble(t), right, y.applyAsDouble(t), "#e6e6e6", false);
      svg.text(left - 6, y.applyAsDouble(t) + 4, axis(t, ticks.step, percentValues), "end", 11, "normal", "#666");
    }
    svg.line(left, y.applyAsDouble(Math.max(lo, 0)), right, y.applyAsDouble(Math.max(lo, 0)), "#999", false);
    double band = n == 0 ? 0 : (right - left) / n;
    for (int c = 0; c < n; c++) {
      double cx = left + band * (c + 0.5);
      String label = categories.get(c);
      if (rotate) {
        svg.rotatedText(cx + 4, bottom + 10, label, -45, 11);
      } else {
        svg.text(cx, bottom + 16, label, "middle", 11, "normal", "#333");
      }
    }
    if (kind == Kind.BAR) {
      double barWidth = band * 0.8 / series.size();
      for (int s = 0; s < series.size(); s++) {
        double[] v = series.get(s).values();
        for (int c = 0; c < n && c < v.length; c++) {
          if (Double.isNaN(v[c])) {
            continue;
          }
          double x0 = left + band * c + band * 0.1 + s * barWidth;
          double y0 = y.applyAsDouble(Math.max(v[c], 0));
          double y1 = y.applyAsDouble(Math.min(v[c], 0));
          svg.rect(x0, y0, Math.max(1, barWidth - 1), Math.max(0.5, y1 - y0), color(s),
              label(c, s) + ": " + axis(v[c], 0, percentValues));
        }
      }
    } else {
      for (int s = 0; s < series.size(); s++) {
        double[] v = series.get(s).values();
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int c = 0; c < n && c < v.length; c++) {
          if (Double.isNaN(v[c])) {
            pen = false;
            continue;
          }
          double px = left + band * (c + 0.5);
          double py = y.applyAsDouble(v[c]);
          path.append(pen ? " L" : " M").append(fmt(px)).append(',').append(fmt(py));
          pen = true;
          svg.circle(px, py, 2.5, color(s), label(c, s) + ": " + axis(v[c], 0, percentValues));
        }
        svg.path(path.toString(), color(s));
      }
    }
    drawRefs(svg, left, right, y);
    svg.line(left, top, left, bottom, "#999", false);
    if (!yLabel.isEmpty()) {
      svg.rotatedText(16, (top + bottom) / 2.0, yLabel, -90, 12);
    }
    if (!xLabel.isEmpty()) {
      svg.text((left + right) / 2, height - 6, xLabel, "middle", 12, "normal", "#333");
    }
  }

  private void drawHorizontal(Svg svg, int top) {
    int n = categories.size();
    int maxLabel = categories.stream().mapToInt(String::length).max().orElse(0);
    double left = Math.min(260, 16 + maxLabel * 6.5);
    double right = width - 30;
    int rowHeight = Math.max(14, Math.min(28, 22 * series.size()));
    int plotHeight = Math.max(40, n * rowHeight);
    this.height = top + plotHeight + 44 + (yLabel.isEmpty() ? 0 : 14);
    svg.height = this.height;
    double bottom = top + plotHeight;
    double[] range = valueRange(seriesValues());
    Ticks ticks = Ticks.of(range[0], range[1]);
    double lo = ticks.first;
    double hi = ticks.last;
    java.util.function.DoubleUnaryOperator x = v -> left + (v - lo) / (hi - lo) * (right - left);
    for (double t = ticks.first; t <= ticks.last + ticks.step / 2; t += ticks.step) {
      svg.line(x.applyAsDouble(t), top, x.applyAsDouble(t), bottom, "#e6e6e6", false);
      svg.text(x.applyAsDouble(t), bottom + 16, axis(t, ticks.step, percentValues), "middle", 11, "normal", "#666");
    }
    double band = n == 0 ? 0 : (double) plotHeight / n;
    double barHeight = band * 0.8 / series.size();
    for (int c = 0; c < n; c++) {
      svg.text(left - 6, top + band * (c + 0.5) + 4, categories.get(c), "end", 11, "normal", "#333");
      for (int s = 0; s < series.size(); s++) {
        double[] v = series.get(s).values();
        if (c >= v.length || Double.isNaN(v[c])) {
          continue;
        }
        double x0 = x.applyAsDouble(Math.min(v[c], 0));
        double x1 = x.applyAsDouble(Math.max(v[c], 0));
        double y0 = top + band * c + band * 0.1 + s * barHeight;
        svg.rect(x0, y0, Math.max(0.5, x1 - x0), Math.max(1, barHeight - 1), color(s),
            label(c, s) + ": " + axis(v[c], 0, percentValues));
        svg.text(x1 + 3, y0 + barHeight / 2 + 4, axis(v[c], 0, percentValues), "start", 10, "normal", "#555");
      }
    }
    for (Ref r : refs) {
      double px = x.applyAsDouble(r.value());
      svg.line(px, top - 4, px, bottom, "#d62728", true);
      svg.text(px + 3, top - 6, r.label(), "start", 11, "normal", "#d62728");
    }
    svg.line(left, top, left, bottom, "#999", false);
    if (!yLabel.isEmpty()) {
      svg.text((left + right) / 2, this.height - 6, yLabel, "middle", 12, "normal", "#333");
    }
  }

  private void drawScatter(Svg svg, int top) {
    double left = 70;
    double right = width - 30;
    double bottom = height - 40 - (xLabel.isEmpty() ? 0 : 16);
    double xlo = Double.POSITIVE_INFINITY;
    double xhi = Double.NEGATIVE_INFINITY;
    for (double v : xs) {
      if (!Double.isNaN(v)) {
        xlo = Math.min(xlo, v);
        xhi = Math.max(xhi, v);
      }
    }
    if (xlo > xhi) {
      xlo = 0;
      xhi = 1;
    }
    double pad = xhi > xlo ? (xhi - xlo) * 0.05 : Math.max(1, Math.abs(xlo) * 0.1);
    Ticks xt = Ticks.of(xlo - pad, xhi + pad);
    double ylo = Double.POSITIVE_INFINITY;
    double yhi = Double.NEGATIVE_INFINITY;
    for (double v : ys) {
      if (!Double.isNaN(v)) {
        ylo = Math.min(ylo, v);
        yhi = Math.max(yhi, v);
      }
    }
    for (Ref r : refs) {
      ylo = Math.min(ylo, r.value());
      yhi = Math.max(yhi, r.value());
    }
    if (ylo > yhi) {
      ylo = 0;
      yhi = 1;
    }
    double ypad = yhi > ylo ? (yhi - ylo) * 0.05 : Math.max(0.05, Math.abs(ylo) * 0.1);
    Ticks yt = Ticks.of(ylo - ypad, yhi + ypad);
    java.util.function.DoubleUnaryOperator x = v -> left + (v - xt.first) / (xt.last - xt.first) * (right - left);
    java.util.function.DoubleUnaryOperator y = v -> bottom - (v - yt.first) / (yt.last - yt.first) * (bottom - top);
    for (double t = yt.first; t <= yt.last + yt.step / 2; t += yt.step) {
      svg.line(left, y.applyAsDouble(t), right, y.applyAsDouble(t), "#e6e6e6", false);
      svg.text(left - 6, y.applyAsDouble(t) + 4, axis(t, yt.step, percentValues), "end", 11, "normal", "#666");
    }
    for (double t = xt.first; t <= xt.last + xt.step / 2; t += xt.step) {
      svg.line(x.applyAsDouble(t), top, x.applyAsDouble(t), bottom, "#eeeeee", false);
      svg.text(x.applyAsDouble(t), bottom + 16, axis(t, xt.step, percentX), "middle", 11, "normal", "#666");
    }
    svg.line(left, bottom, right, bottom, "#999", false);
    svg.line(left, top, left, bottom, "#999", false);
    drawRefs(svg, left, right, y);
    for (int i = 0; i < xs.length && i < ys.length; i++) {
      if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
        continue;
      }
      String name = pointLabels == null ? "" : String.valueOf(pointLabels.get(i));
      double px = x.applyAsDouble(xs[i]);
      double py = y.applyAsDouble(ys[i]);
      svg.circle(px, py, 5, color(0), (name.isEmpty() ? "" : name + ": ")
          + axis(xs[i], 0, percentX) + ", " + axis(ys[i], 0, percentValues));
      if (!name.isEmpty()) {
        svg.text(px + 7, py - 6, name, "start", 11, "normal", "#333");
      }
    }
    if (!yLabel.isEmpty()) {
      svg.rotatedText(16, (top + bottom) / 2, yLabel, -90, 12);
    }
    if (!xLabel.isEmpty()) {
      svg.text((left + right) / 2, height - 6, xLabel, "middle", 12, "normal", "#333");
    }
  }

  private void drawRefs(Svg svg, double left, double right, java.util.function.DoubleUnaryOperator y) {
    for (Ref r : refs) {
      double py = y.applyAsDouble(r.value());
      svg.line(left, py, right, py, "#d62728", true);
      svg.text(right - 4, py - 4, r.label(), "end", 11, "normal", "#d62728");
    }
  }

  private String label(int category, int s) {
    return categories.get(category) + (series.size() > 1 ? " · " + series.get(s).name() : "");
  }

  private static String color(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /** An axis or tooltip value: percent or a number with as many decimals as the step needs. */
  static String axis(double v, double step, boolean percent) {
    if (percent) {
      double p = v * 100;
      double pstep = step * 100;
      return number(p, pstep == 0 ? 0.1 : pstep) + "%";
    }
    return number(v, step == 0 ? Math.max(Math.abs(v) / 1000, 0.01) : step);
  }

  static String number(double v, double step) {
    int decimals = step >= 1 ? 0 : Math.min(4, (int) Math.ceil(-Math.log10(step)));
    return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
        .replaceFirst("^-0$", "0");
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** "Nice" axis ticks covering [lo, hi]. */
  static final class Ticks {
    final double first;
    final double last;
    final double step;

    private Ticks(double first, double last, double step) {
      this.first = first;
      this.last = last;
      this.step = step;
    }

    static Ticks of(double lo, double hi) {
      if (!(hi > lo)) {
        hi = lo + 1;
      }
      double raw = (hi - lo) / 5;
      double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
      double norm = raw / magnitude;
      double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
      return new Ticks(Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step, step);
    }
  }

  /** Minimal SVG writer. */
  private static final class Svg {
    private final int width;
    private int height;
    private final StringBuilder body = new StringBuilder();

    Svg(int width, int height) {
      this.width = width;
      this.height = height;
    }

    void text(double x, double y, String text, String anchor, int size, String weight, String fill) {
      body.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"")
          .append(anchor).append("\" font-size=\"").append(size).append("\" font-weight=\"").append(weight)
          .append("\" fill=\"").append(fill).append("\">").append(Table.escape(text)).append("</text>\n");
    }

    void rotatedText(double x, double y, String text, int degrees, int size) {
      body.append("<text transform=\"translate(").append(fmt(x)).append(',').append(fmt(y)).append(") rotate(")
          .append(degrees).append(")\" text-anchor=\"").append(degrees == -90 ? "middle" : "end")
          .append("\" font-size=\"").append(size).append("\" fill=\"#333\">").append(Table.escape(text))
          .append("</text>\n");
    }

    void line(double x1, double y1, double x2, double y2, String stroke, boolean dashed) {
      body.append("<line x1=\"").append(fmt(x1)).append("\" y1=\"").append(fmt(y1)).append("\" x2=\"")
          .append(fmt(x2)).append("\" y2=\"").append(fmt(y2)).append("\" stroke=\"").append(stroke)
          .append(dashed ? "\" stroke-dasharray=\"6,4\" stroke-width=\"1.5\"/>\n" : "\" stroke-width=\"1\"/>\n");
    }

    void rect(double x, double y, double w, double h, String fill, String tooltip) {
      body.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"")
          .append(fmt(w)).append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(fill).append('"');
      close(tooltip, "rect");
    }

    void circle(double x, double y, double r, String fill, String tooltip) {
      body.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"")
          .append(fmt(r)).append("\" fill=\"").append(fill).append("\" fill-opacity=\"0.85\"");
      close(tooltip, "circle");
    }

    private void close(String tooltip, String element) {
      if (tooltip == null) {
        body.append("/>\n");
      } else {
        body.append("><title>").append(Table.escape(tooltip)).append("</title></").append(element).append(">\n");
      }
    }

    void path(String d, String stroke) {
      if (!d.isBlank()) {
        body.append("<path d=\"").append(d.trim()).append("\" fill=\"none\" stroke=\"").append(stroke)
            .append("\" stroke-width=\"2\"/>\n");
      }
    }

    @Override
    public String toString() {
      return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
          + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
          + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n";
    }
  }
}
