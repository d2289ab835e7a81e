package vn.hcmc.kpi.notebook;

import java.util.Locale;

/**
 * The helpers every notebook cell can call without a prefix (the kernel runs
 * {@code import static vn.hcmc.kpi.notebook.Nb.*}), next to the classes {@link Warehouse},
 * {@link Table} and {@link Chart}.
 *
 * <pre>{@code
 * sql("select ward_code, sum(received)::bigint as received from ward_weekly group by 1")  // a table
 * show(Chart.bar(t, "ward_code", "received").title("Received"))                           // a chart, now
 * md("**" + n + "** dossiers")                                                             // Markdown, now
 * }</pre>
 */
public final class Nb {
  private static Warehouse warehouse;

  private Nb() {}

  /** The notebook's warehouse, opened on first use from {@link Warehouse#defaultPath()}. */
  public static synchronized Warehouse wh() {
    if (warehouse == null) {
      warehouse = Warehouse.open();
    }
    return warehouse;
  }

  /** Uses {@code path} as the notebook's warehouse from now on. */
  public static synchronized Warehouse useWarehouse(String path) {
    if (warehouse != null) {
      warehouse.close();
    }
    warehouse = Warehouse.open(path);
    return warehouse;
  }

  /** Runs a query on {@link #wh()}; {@code ?} placeholders take {@code params}. */
  public static Table sql(String sql, Object... params) {
    return wh().query(sql, params);
  }

  /** Shows each value now (tables as HTML, charts as images, anything else as text). */
  public static void show(Object... values) {
    for (Object v : values) {
      Display.show(v);
    }
  }

  /** Shows Markdown now (e.g. a sentence with computed figures). */
  public static void md(String markdown) {
    Display.show(Display.of("text/markdown", markdown, markdown));
  }

  /** HTML to show (as a cell's value, or with {@link #show}). */
  public static Rich html(String html) {
    return Display.of("text/html", html, html.replaceAll("<[^>]+>", ""));
  }

  /** An environment variable, or {@code fallback} when unset or blank (notebook parameters). */
  public static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** A fraction as a percentage with one decimal ("92.5%"); "—" for null or NaN. */
  public static String pct(Object fraction) {
    if (!(fraction instanceof Number n) || Double.isNaN(n.doubleValue())) {
      return "—";
    }
    return String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100);
  }

  /** A number with up to {@code decimals} decimals ("—" for null or NaN). */
  public static String num(Object value, int decimals) {
    if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
      return "—";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", n.doubleValue());
  }
}
