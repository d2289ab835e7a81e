package vn.hcmc.kpi.dashboard.system;

/** An error whose user-facing text is the message {@code code} of the bundles, with {@code args}. */
public abstract class LocalizedException extends RuntimeException {

  private final String code;
  private final transient Object[] args;

  protected LocalizedException(String code, Object... args) {
    super(code);
    this.code = code;
    this.args = args;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args;
  }
}
