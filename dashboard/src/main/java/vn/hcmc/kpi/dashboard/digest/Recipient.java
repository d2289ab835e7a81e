package vn.hcmc.kpi.dashboard.digest;

import org.springframework.security.core.Authentication;

import vn.hcmc.kpi.dashboard.security.Role;

/**
 * A user who gets the digest: a ward leader (their ward) or a city planner (the city ranking), with the
 * authentication the digest is built under (the user's own authorities, as at sign-in).
 */
public record Recipient(String username, Role role, String unit, String email, Authentication authentication) {
}
