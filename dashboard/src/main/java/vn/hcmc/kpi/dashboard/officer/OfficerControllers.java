package vn.hcmc.kpi.dashboard.officer;

import java.time.LocalDate;

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
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/** The officer view (within a unit): page and JSON. */
final class OfficerControllers {

  private OfficerControllers() {
  }

  @RestController
  static class Api {

    private final Warehouse warehouse;
    private final OfficerNames names;

    Api(Warehouse warehouse, OfficerNames names) {
      this.warehouse = warehouse;
      this.names = names;
    }

    @Operation(summary = "One officer of a unit: weekly figures, the week's tasks, dossiers late on their watch")
    @GetMapping("/api/wards/{wardCode}/officers/{officerId}")
    OfficerView view(@PathVariable String wardCode, @PathVariable String officerId,
        @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate week) {
      return warehouse.read(s -> OfficerQueries.view(s, names, wardCode, officerId, week));
    }
  }

  @Controller
  static class Page {

    private final Warehouse warehouse;
    private final OfficerNames names;
    private final JsonMapper json;

    Page(Warehouse warehouse, OfficerNames names, JsonMapper json) {
      this.warehouse = warehouse;
      this.names = names;
      this.json = json;
    }

    @GetMapping("/wards/{wardCode}/officers/{officerId}")
    String view(@PathVariable String wardCode, @PathVariable String officerId,
        @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate week, Model model) {
      OfficerView view = warehouse.read(s -> OfficerQueries.view(s, names, wardCode, officerId, week));
      model.addAttribute("v", view);
      model.addAttribute("viewJson", json.writeValueAsString(view).replace("<", "\\u003c"));
      return "officers/view";
    }
  }
}
