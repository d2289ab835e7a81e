package vn.hcmc.kpi.notebook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where {@link Nb#show(Object...)} sends its output. Inside the kernel it is the cell's display
 * channel (a Jupyter {@code display_data} message); elsewhere (tests, plain JShell) it prints the
 * text form to standard output.
 */
public final class Display {
  private static volatile Consumer<Map<String, String>> sink =
      bundle -> System.out.println(bundle.getOrDefault("text/plain", ""));

  private Display() {}

  /** Replaces the sink (the kernel does this once at start-up). */
  public static void setSink(Consumer<Map<String, String>> newSink) {
    sink = newSink;
  }

  /** Shows one value now, as rich output when it is {@link Rich}. */
  public static void show(Object value) {
    sink.accept(bundle(value));
  }

  /** The MIME bundle of any value: its own for {@link Rich}, else {@code text/plain}. */
  public static Map<String, String> bundle(Object value) {
    if (value instanceof Rich rich) {
      return rich.mimeBundle();
    }
    Map<String, String> plain = new LinkedHashMap<>();
    plain.put("text/plain", String.valueOf(value));
    return plain;
  }

  /** A value shown as the given MIME type (with {@code text} as the plain-text fallback). */
  public static Rich of(String mimeType, String content, String text) {
    Map<String, String> bundle = new LinkedHashMap<>();
    bundle.put(mimeType, content);
    bundle.put("text/plain", text);
    return () -> bundle;
  }
}
