package vn.hcmc.kpi.dashboard.warehouse;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The warehouse the dashboard reads: {@code kpi.warehouse} (its root directory). */
@Configuration(proxyBeanMethods = false)
class WarehouseConfiguration {

  @Bean(destroyMethod = "close")
  Warehouse warehouse(@Value("${kpi.warehouse}") Path root,
      @Value("${kpi.warehouse-check-interval:1s}") Duration checkInterval) {
    return new Warehouse(root, checkInterval);
  }
}
