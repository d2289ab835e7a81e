package vn.hcmc.kpi.dashboard.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.hcmc.kpi.dashboard.warehouse.Columns;

/**
 * The clock of everything time-dependent (alert firing times, which week the Monday digest is about),
 * local time of Ho Chi Minh City; tests replace it with a fixed one. Scheduling runs the alert check and
 * the digest's cron.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimeConfiguration {

  @Bean
  Clock clock() {
    return Clock.system(Columns.LOCAL);
  }
}
