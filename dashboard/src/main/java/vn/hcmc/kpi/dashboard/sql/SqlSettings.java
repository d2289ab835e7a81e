package vn.hcmc.kpi.dashboard.sql;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kpi.sql.*}: the SQL console's limits and where its audit goes ({@code audit-dir}, which must
 * not be inside the warehouse).
 */
@ConfigurationProperties("kpi.sql")
public record SqlSettings(Path auditDir, Duration timeLimit, Integer rowLimit, String memoryLimit, Integer threads) {

  public SqlSettings {
    auditDir = auditDir == null ? Path.of("data", "audit") : auditDir;
    timeLimit = timeLimit == null ? Duration.ofSeconds(10) : timeLimit;
    rowLimit = rowLimit == null ? 10_000 : rowLimit;
    memoryLimit = memoryLimit == null ? "1GB" : memoryLimit;
    threads = threads == null ? 2 : threads;
    if (!memoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*[KMGT]?i?B")) {
      throw new IllegalStateException("kpi.sql.memory-limit must look like 512MB or 1GB, got " + memoryLimit);
    }
  }
}
