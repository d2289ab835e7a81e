package vn.hcmc.kpi.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The officer-KPI dashboard: reads the published warehouse through DuckDB and serves pages and JSON. */
@SpringBootApplication
public class DashboardApplication {

  public static void main(String[] args) {
    SpringApplication.run(DashboardApplication.class, args);
  }
}
