package vn.hcmc.kpi.dashboard.digest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import vn.hcmc.kpi.dashboard.security.Role;
import vn.hcmc.kpi.dashboard.security.SecurityProperties;

/**
 * The configured users with an e-mail address who get a digest: ward leaders and city planners. Their
 * authorities come from the same {@link UserDetailsService} sign-in uses, so a digest sees exactly what
 * its recipient would see signed in (never an admin's view).
 */
@Component
class Recipients {

  private final SecurityProperties properties;
  private final UserDetailsService users;

  Recipients(SecurityProperties properties, UserDetailsService users) {
    this.properties = properties;
    this.users = users;
  }

  List<Recipient> all() {
    List<Recipient> recipients = new ArrayList<>();
    for (SecurityProperties.User user : properties.users()) {
      if (user.email() == null || user.email().isBlank()
          || (user.role() != Role.WARD_LEADER && user.role() != Role.CITY_PLANNER)) {
        continue;
      }
      UserDetails details = users.loadUserByUsername(user.username());
      recipients.add(new Recipient(user.username(), user.role(), user.role() == Role.WARD_LEADER ? user.unit() : null,
          user.email().strip(), UsernamePasswordAuthenticationToken.authenticated(details.getUsername(), null,
              details.getAuthorities())));
    }
    return recipients;
  }
}
