package vn.hcmc.kpi.dashboard.ward;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.security.Viewer;
import vn.hcmc.kpi.dashboard.targets.TargetStatus;
import vn.hcmc.kpi.dashboard.system.NotFoundException;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;

/**
 * The ward weekly review page. The trend chart reads its data from the review JSON (the same document
 * {@code GET /api/wards/{wardCode}/weeks/{weekStart}} returns) rendered inline into the page as
 * {@code <script type="application/json" id="ward-review-data">}.
 */
@Controller
class WardWeeklyReviewController {

  private final Warehouse warehouse;
  private final WardReviews reviews;
  private final JsonMapper json;

  WardWeeklyReviewController(Warehouse warehouse, WardReviews reviews, JsonMapper json) {
    this.warehouse = warehouse;
    this.reviews = reviews;
    this.json = json;
  }

  /** The review of the first unit with data, at its last complete week. */
  @GetMapping("/")
  String home() {
    Viewer viewer = Viewer.current();
    if (viewer.isLeader()) {
      return warehouse.read(snapshot -> redirectToLastCompleteWeek(snapshot, viewer.unit()));
    }
    return warehouse.read(snapshot -> WardWeeklyQueries.defaultWard(snapshot)
        .map(ward -> redirectToLastCompleteWeek(snapshot, ward))
        .orElseThrow(() -> new NotFoundException("review.noData.anyWard")));
  }

  /** The unit's review at its last complete week. */
  @GetMapping("/wards/{wardCode}")
  String ward(@PathVariable String wardCode) {
    Viewer.current().requireUnit(wardCode);
    return warehouse.read(snapshot -> redirectToLastCompleteWeek(snapshot, wardCode));
  }

  /** Target of the unit and week pickers (a plain GET form, so it works without JavaScript). */
  @GetMapping("/wards/review")
  String pick(@RequestParam String ward, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate week) {
    Viewer.current().requireUnit(ward);
    return warehouse.read(snapshot -> week != null
        && WardWeeklyQueries.weeksOf(snapshot, ward).stream().anyMatch(option -> option.weekStart().equals(week))
            ? "redirect:" + reviewPath(ward, week)
            : redirectToLastCompleteWeek(snapshot, ward));
  }

  @GetMapping("/wards/{wardCode}/weeks/{weekStart}")
  String review(@PathVariable String wardCode, @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate weekStart,
      @RequestParam(required = false) String view, Locale locale, Model model) {
    WardWeeklyQueries.requireMonday(weekStart);
    warehouse.read(snapshot -> {
      WardWeeklyReview review = reviews.review(snapshot, wardCode, weekStart, locale);
      model.addAttribute("review", review);
      model.addAttribute("reviewJson", json.writeValueAsString(review).replace("<", "\\u003c"));
      // a leader's picker offers their own unit only (the others are 403 anyway)
      model.addAttribute("units", WardWeeklyQueries.unitsWithData(snapshot).stream()
          .filter(unit -> Viewer.current().mayOpenUnit(unit.code())).toList());
      model.addAttribute("weeks", WardWeeklyQueries.weeksOf(snapshot, wardCode));
      model.addAttribute("exportTables", WardWeekExport.TABLES);
      model.addAttribute("statuses", review.targets().stream()
          .collect(java.util.stream.Collectors.toMap(TargetStatus::kpi, status -> status)));
      return review;
    });
    // The print view is the same review laid out for A4 (no pickers, tables unpaged, charts as SVG).
    return "print".equals(view) ? "wards/weeklyReviewPrint" : "wards/weeklyReview";
  }

  private static String redirectToLastCompleteWeek(Snapshot snapshot, String wardCode) {
    return WardWeeklyQueries.lastCompleteWeek(snapshot, wardCode)
        .map(week -> "redirect:" + reviewPath(wardCode, week))
        .orElseThrow(() -> new NotFoundException("review.noData.ward",
            WardWeeklyQueries.unit(snapshot, wardCode).name()));
  }

  static String reviewPath(String wardCode, LocalDate weekStart) {
    return "/wards/" + UriUtils.encodePathSegment(wardCode, StandardCharsets.UTF_8) + "/weeks/" + weekStart;
  }
}
