package vn.hcmc.kpi.dashboard.procedure;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.officer.OfficerNames;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/** The procedure view: page and JSON. */
final class ProcedureControllers {

  private ProcedureControllers() {
  }

  @RestController
  static class Api {

    private final Warehouse warehouse;
    private final OfficerNames officerNames;

    Api(Warehouse warehouse, OfficerNames officerNames) {
      this.warehouse = warehouse;
      this.officerNames = officerNames;
    }

    @Operation(summary = "One procedure in one unit: weekly figures, other units that week, overdue dossiers")
    @GetMapping("/api/wards/{wardCode}/procedures/{procedureCode}")
    ProcedureView view(@PathVariable String wardCode, @PathVariable String procedureCode,
        @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate week, Locale locale) {
      return warehouse.read(s -> ProcedureQueries.view(s, officerNames, wardCode, procedureCode, week, locale));
    }
  }

  @Controller
  static class Page {

    private final Warehouse warehouse;
    private final OfficerNames officerNames;
    private final JsonMapper json;

    Page(Warehouse warehouse, OfficerNames officerNames, JsonMapper json) {
      this.warehouse = warehouse;
      this.officerNames = officerNames;
      this.json = json;
    }

    @GetMapping("/wards/{wardCode}/procedures/{procedureCode}")
    String view(@PathVariable String wardCode, @PathVariable String procedureCode,
        @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate week, Locale locale, Model model) {
      ProcedureView view = warehouse.read(s -> ProcedureQueries.view(s, officerNames, wardCode, procedureCode, week,
          locale));
      model.addAttribute("v", view);
      model.addAttribute("viewJson", json.writeValueAsString(view).replace("<", "\\u003c"));
      return "procedures/view";
    }
  }
}
