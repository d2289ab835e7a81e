package vn.hcmc.kpi.dashboard.system;

/**
 * The thing asked for exists but is outside the signed-in user's scope (another unit's officer-level
 * data, a page of another role): 403. Out-of-scope requests are always 403, never data (see the README,
 * "Access").
 */
public class ForbiddenException extends LocalizedException {

  public ForbiddenException(String code, Object... args) {
    super(code, args);
  }
}
