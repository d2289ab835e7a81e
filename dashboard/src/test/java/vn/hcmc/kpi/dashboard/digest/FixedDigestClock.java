package vn.hcmc.kpi.dashboard.digest;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The digest tests' clock: Monday {@link DigestApp#NOW}, so the scheduled job's "last week" is fixed. */
@TestConfiguration
class FixedDigestClock {

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(DigestApp.NOW.toInstant(), ZoneId.of("Asia/Ho_Chi_Minh"));
  }
}
