package vn.hcmc.kpi.dashboard.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kpi.security.*}: the users (BCrypt hashes only, never passwords) and login throttling.
 *
 * <pre>
 * kpi:
 *   security:
 *     users:
 *       - username: leader-26782
 *         password-hash: "$2a$10$..."      # BCrypt
 *         role: WARD_LEADER
 *         unit: "26782"                    # required for WARD_LEADER, ignored otherwise
 *         email: leader@example.com        # optional: where the Monday digest goes
 * </pre>
 */
@ConfigurationProperties("kpi.security")
public record SecurityProperties(List<User> users, Throttle throttle) {

  public SecurityProperties {
    users = users == null ? List.of() : List.copyOf(users);
    throttle = throttle == null ? new Throttle(null, null, null, null) : throttle;
  }

  public record User(String username, String passwordHash, Role role, String unit, String email) {
  }

  /**
   * After {@code maxFailuresPerUser} failed sign-ins for one user name, or {@code maxFailuresPerAddress}
   * from one client address, within {@code window}, sign-in for that name or address is refused for
   * {@code lockFor} (even with the right password).
   */
  public record Throttle(Integer maxFailuresPerUser, Integer maxFailuresPerAddress, Duration window,
      Duration lockFor) {

    public Throttle {
      maxFailuresPerUser = maxFailuresPerUser == null ? 5 : maxFailuresPerUser;
      maxFailuresPerAddress = maxFailuresPerAddress == null ? 20 : maxFailuresPerAddress;
      window = window == null ? Duration.ofMinutes(5) : window;
      lockFor = lockFor == null ? Duration.ofMinutes(5) : lockFor;
    }
  }
}
