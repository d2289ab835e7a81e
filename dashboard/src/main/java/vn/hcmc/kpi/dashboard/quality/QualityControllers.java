package vn.hcmc.kpi.dashboard.quality;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/** The data-quality view: page and JSON. */
final class QualityControllers {

  private QualityControllers() {
  }

  @RestController
  static class Api {

    private final Warehouse warehouse;

    Api(Warehouse warehouse) {
      this.warehouse = warehouse;
    }

    @Operation(summary = "Reconciliation per run, rejected lines by reason, dossier anomalies by code and unit")
    @GetMapping("/api/quality")
    QualityReport report() {
      return warehouse.read(QualityQueries::report);
    }
  }

  @Controller
  static class Page {

    private final Warehouse warehouse;
    private final JsonMapper json;

    Page(Warehouse warehouse, JsonMapper json) {
      this.warehouse = warehouse;
      this.json = json;
    }

    @GetMapping("/quality")
    String report(Model model) {
      QualityReport report = warehouse.read(QualityQueries::report);
      model.addAttribute("q", report);
      model.addAttribute("qualityJson", json.writeValueAsString(report).replace("<", "\\u003c"));
      return "quality/report";
    }
  }
}
