package vn.hcmc.kpi.dashboard.alert;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kpi.alerts.*}: the rules, how many of each unit's last complete weeks a new version is checked
 * for ({@code lookback-weeks}), and how often the dashboard looks for a new version
 * ({@code check-interval}). Firings are kept under {@code kpi.state-dir} (see {@link AlertStore}).
 */
@ConfigurationProperties("kpi.alerts")
public record AlertSettings(List<AlertRule> rules, Integer lookbackWeeks, Duration checkInterval) {

  public AlertSettings {
    rules = rules == null ? List.of() : List.copyOf(rules);
    lookbackWeeks = lookbackWeeks == null ? 4 : lookbackWeeks;
    checkInterval = checkInterval == null ? Duration.ofSeconds(10) : checkInterval;
    Set<String> ids = new HashSet<>();
    for (AlertRule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalStateException("kpi.alerts.rules: two rules with the id " + rule.id());
      }
    }
    if (lookbackWeeks < 1) {
      throw new IllegalStateException("kpi.alerts.lookback-weeks must be at least 1");
    }
  }
}
