package vn.hcmc.kpi.dashboard.ward;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/** JSON of the ward weekly review (a public path: keep it stable). Errors are problem details. */
@RestController
class WardWeeklyReviewApiController {

  private final Warehouse warehouse;

  WardWeeklyReviewApiController(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @GetMapping("/api/wards/{wardCode}/weeks/{weekStart}")
  WardWeeklyReview review(@PathVariable String wardCode,
      @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate weekStart) {
    WardWeeklyQueries.requireMonday(weekStart);
    return warehouse.read(snapshot -> WardWeeklyQueries.review(snapshot, wardCode, weekStart));
  }
}
