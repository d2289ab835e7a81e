package vn.hcmc.kpi.dashboard.digest;

import vn.hcmc.kpi.dashboard.targets.Status;

/**
 * Inline styles of the digest's status cells: many mail clients drop {@code <style>} blocks and
 * classes, so colours are written on the cell itself. Same colours as the dashboard's CSS.
 */
public final class DigestStyle {

  public String status(Status status) {
    return switch (status == null ? Status.NONE : status) {
      case GREEN -> "background:#e3f4e6;color:#1b5e20;font-weight:bold;";
      case AMBER -> "background:#fff4d6;color:#7a4f00;font-weight:bold;";
      case RED -> "background:#fde7e5;color:#a1221b;font-weight:bold;";
      case NONE -> "";
    };
  }

  /** By the CSS class name the dashboard uses ({@code status-red}), for the city table. */
  public String statusClass(String cssClass) {
    for (Status status : Status.values()) {
      if (status.cssClass().equals(cssClass)) {
        return status(status);
      }
    }
    return "";
  }
}
