package vn.hcmc.kpi.dashboard.alert;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The stored alert firings. They are unit-level figures (like the city comparison, which every role
 * sees), so every signed-in user may read them.
 */
@RestController
class AlertApiController {

  private final AlertStore store;

  AlertApiController(AlertStore store) {
    this.store = store;
  }

  @Operation(summary = "Alert firings (one per rule, unit and week), newest week first; filter by unit and week")
  @GetMapping("/api/alerts")
  List<Firing> firings(@RequestParam(required = false) String ward,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate week) {
    return store.find(ward == null || ward.isBlank() ? null : ward, week);
  }
}
