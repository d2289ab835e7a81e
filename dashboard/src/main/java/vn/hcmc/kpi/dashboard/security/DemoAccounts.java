package vn.hcmc.kpi.dashboard.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile (and only it; {@code ./kpi demo} turns it on) configures the demo accounts in
 * {@code application-demo.yml} (BCrypt hashes of {@value #PASSWORD}); this prints them at start-up.
 */
@Component
@Profile("demo")
class DemoAccounts {

  static final String PASSWORD = "demo";

  private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

  private final SecurityProperties properties;

  DemoAccounts(SecurityProperties properties) {
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void print() {
    StringBuilder text = new StringBuilder("Demo accounts (password '" + PASSWORD + "' for each; demo profile only):");
    for (SecurityProperties.User user : properties.users()) {
      text.append(String.format("%n  %-14s %-13s%s", user.username(), user.role(),
          user.role() == Role.WARD_LEADER ? " unit " + user.unit() : ""));
    }
    LOG.info("{}", text);
    System.out.println(text);
  }
}
