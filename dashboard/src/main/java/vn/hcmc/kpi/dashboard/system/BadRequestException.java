package vn.hcmc.kpi.dashboard.system;

/** The request is malformed (e.g. a week that does not start on a Monday): 400. */
public class BadRequestException extends LocalizedException {

  public BadRequestException(String code, Object... args) {
    super(code, args);
  }
}
