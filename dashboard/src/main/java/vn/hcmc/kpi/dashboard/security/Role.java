package vn.hcmc.kpi.dashboard.security;

/** The roles of SPEC 7. A WARD_LEADER is bound to one unit; the others see the whole city. */
public enum Role {
  WARD_LEADER, CITY_PLANNER, ANALYST, ADMIN;

  /** The Spring Security authority of the role ({@code ROLE_…}). */
  public String authority() {
    return "ROLE_" + name();
  }
}
