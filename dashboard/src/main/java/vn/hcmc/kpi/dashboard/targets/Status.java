package vn.hcmc.kpi.dashboard.targets;

/** The colour of a figure against its target: met, close (amber band), missed; NONE when there is no value. */
public enum Status {
  GREEN, AMBER, RED, NONE;

  /** The CSS class pages and e-mails use ({@code status-green}, …). */
  public String cssClass() {
    return "status-" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
