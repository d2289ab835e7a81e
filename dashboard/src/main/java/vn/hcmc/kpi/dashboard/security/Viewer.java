package vn.hcmc.kpi.dashboard.security;

import java.util.Objects;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hcmc.kpi.dashboard.system.ForbiddenException;

/**
 * Who is asking, as the scope rules need it: the role and, for a ward leader, the unit. Read from the
 * {@link Authentication}'s authorities ({@code ROLE_<role>} and {@code UNIT_<code>}), so it works the
 * same for users from configuration, HTTP Basic and an OpenID Connect login that maps claims to these
 * authorities (README, "Access").
 *
 * <p>Without a signed-in user (code running outside a request) the viewer is {@link #NOBODY}, who
 * sees nothing but pseudonyms and no unit's officer-level data.
 */
public record Viewer(String username, Role role, String unit) {

  public static final String UNIT_PREFIX = "UNIT_";

  public static final Viewer NOBODY = new Viewer("", null, null);

  public static Viewer current() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  public static Viewer of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return NOBODY;
    }
    Role role = null;
    String unit = null;
    for (GrantedAuthority granted : authentication.getAuthorities()) {
      String authority = granted.getAuthority();
      if (authority == null) {
        continue;
      }
      if (authority.startsWith(UNIT_PREFIX)) {
        unit = authority.substring(UNIT_PREFIX.length());
      }
      for (Role candidate : Role.values()) {
        // the strongest role wins if several are granted
        if (authority.equals(candidate.authority()) && (role == null || candidate.ordinal() > role.ordinal())) {
          role = candidate;
        }
      }
    }
    if (role == null) {
      return NOBODY;
    }
    return new Viewer(authentication.getName(), role, unit);
  }

  public boolean isLeader() {
    return role == Role.WARD_LEADER;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /**
   * May see officer-level data (officer table, officer view, dossier lists and timelines) of
   * {@code unitCode}: a leader only of their own unit, planners, analysts and admins of every unit
   * (planners and analysts through pseudonyms).
   */
  public boolean mayOpenUnit(String unitCode) {
    if (role == null) {
      return false;
    }
    return role != Role.WARD_LEADER || (unit != null && Objects.equals(unit, unitCode));
  }

  /**
   * Refuses (403, {@link ForbiddenException}) officer-level data and dossier lists of a unit this viewer
   * may not open.
   */
  public void requireUnit(String unitCode) {
    if (!mayOpenUnit(unitCode)) {
      throw new ForbiddenException("scope.otherUnit", unit == null ? "—" : unit);
    }
  }

  /** Sees officers' real ids and names in {@code unitCode}: that unit's own leader and admins. */
  public boolean seesNamesOf(String unitCode) {
    return role == Role.ADMIN || (role == Role.WARD_LEADER && unit != null && unit.equals(unitCode));
  }

  /** Sees the raw text of rejected input lines (which may carry officer ids and names): admins only. */
  public boolean seesRawInput() {
    return role == Role.ADMIN;
  }
}
