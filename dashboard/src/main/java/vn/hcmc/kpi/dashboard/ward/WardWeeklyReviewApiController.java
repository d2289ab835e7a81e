package vn.hcmc.kpi.dashboard.ward;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/** JSON of the ward weekly review (a public path: keep it stable). Errors are problem details. */
@RestController
class WardWeeklyReviewApiController {

  private final Warehouse warehouse;
  private final WardReviews reviews;

  WardWeeklyReviewApiController(Warehouse warehouse, WardReviews reviews) {
    this.warehouse = warehouse;
    this.reviews = reviews;
  }

  @Operation(summary = "Ward weekly review: headline figures with change, 12-week trend, officers, procedures "
      + "(late first), open overdue dossiers, weekday x hour intake")
  @GetMapping("/api/wards/{wardCode}/weeks/{weekStart}")
  WardWeeklyReview review(@PathVariable String wardCode,
      @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate weekStart, Locale locale) {
    WardWeeklyQueries.requireMonday(weekStart);
    return warehouse.read(snapshot -> reviews.review(snapshot, wardCode, weekStart, locale));
  }
}
