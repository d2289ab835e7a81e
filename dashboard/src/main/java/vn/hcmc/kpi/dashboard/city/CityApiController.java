package vn.hcmc.kpi.dashboard.city;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/** JSON of the city comparison (a public path: keep it stable). */
@RestController
class CityApiController {

  private final Warehouse warehouse;

  CityApiController(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Operation(summary = "All units with data for a week or a range of weeks, ranked by a KPI")
  @GetMapping("/api/city/weeks/{weekStart}")
  CityComparison comparison(
      @Parameter(description = "Monday of the (first) week") @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate weekStart,
      @Parameter(description = "Monday of the last week of a range (inclusive); default: weekStart")
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate until,
      @Parameter(description = "units of this former province only (units.former_province)")
      @RequestParam(required = false) String formerProvince,
      @Parameter(description = "units of this kind only: phuong, xa or dac_khu")
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "progress766") RankKey rankBy) {
    return warehouse.read(snapshot -> CityQueries.compare(snapshot, weekStart, until == null ? weekStart : until,
        blankToNull(formerProvince), blankToNull(kind), rankBy));
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
