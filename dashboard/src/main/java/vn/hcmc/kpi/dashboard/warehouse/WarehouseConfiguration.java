package vn.hcmc.kpi.dashboard.warehouse;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The warehouse the dashboard reads: {@code kpi.warehouse} (its root directory); tables of at most
 * {@code kpi.warehouse-in-memory-below} of Parquet (default 64MB; never the per-dossier tables) are held in memory per version.
 */
@Configuration(proxyBeanMethods = false)
class WarehouseConfiguration {

  @Bean(destroyMethod = "close")
  Warehouse warehouse(@Value("${kpi.warehouse}") Path root,
      @Value("${kpi.warehouse-check-interval:1s}") Duration checkInterval,
      @Value("${kpi.warehouse-in-memory-below:64MB}") DataSize inMemoryBelow) {
    return new Warehouse(root, checkInterval, inMemoryBelow.toBytes());
  }
}
