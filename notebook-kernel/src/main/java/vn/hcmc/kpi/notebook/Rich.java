package vn.hcmc.kpi.notebook;

import java.util.Map;

/**
 * A value that shows itself in a notebook as more than text: a MIME bundle such as
 * {@code text/html}, {@code image/svg+xml} or {@code text/markdown}, always with a
 * {@code text/plain} fallback. The kernel shows it when it is the value of a cell's last
 * expression, or on {@link Nb#show(Object...)}.
 */
public interface Rich {
  /** MIME type → content, in order of preference; includes {@code text/plain}. */
  Map<String, String> mimeBundle();
}
