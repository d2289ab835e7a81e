package vn.hcmc.kpi.dashboard.system;

/** The thing asked for does not exist or has no data: 404. */
public class NotFoundException extends LocalizedException {

  public NotFoundException(String code, Object... args) {
    super(code, args);
  }
}
