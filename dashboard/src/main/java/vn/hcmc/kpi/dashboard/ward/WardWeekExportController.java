package vn.hcmc.kpi.dashboard.ward;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Operation;
import vn.hcmc.kpi.dashboard.export.Downloads;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/** Downloads of the ward weekly review: the whole week as Excel, one table as CSV. */
@Controller
class WardWeekExportController {

  private final Warehouse warehouse;
  private final WardReviews reviews;
  private final MessageSource messages;

  WardWeekExportController(Warehouse warehouse, WardReviews reviews, MessageSource messages) {
    this.warehouse = warehouse;
    this.reviews = reviews;
    this.messages = messages;
  }

  @Operation(summary = "The ward weekly review as an Excel workbook, one sheet per table")
  @GetMapping("/wards/{wardCode}/weeks/{weekStart}/export.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String wardCode,
      @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate weekStart, Locale locale) {
    WardWeeklyReview review = review(wardCode, weekStart, locale);
    return Downloads.xlsx(new WardWeekExport(messages, locale).tables(review), fileName(review));
  }

  @Operation(summary = "One table of the ward weekly review as CSV (formula-like text cells neutralised)")
  @GetMapping("/wards/{wardCode}/weeks/{weekStart}/export.csv")
  ResponseEntity<byte[]> csv(@PathVariable String wardCode,
      @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate weekStart,
      @RequestParam(defaultValue = "officers") String table, Locale locale) {
    WardWeeklyReview review = review(wardCode, weekStart, locale);
    return Downloads.csv(new WardWeekExport(messages, locale).tables(review), table, fileName(review));
  }

  private WardWeeklyReview review(String wardCode, LocalDate weekStart, Locale locale) {
    WardWeeklyQueries.requireMonday(weekStart);
    return warehouse.read(snapshot -> reviews.review(snapshot, wardCode, weekStart, locale));
  }

  private static String fileName(WardWeeklyReview review) {
    return "ward-" + review.unit().code() + "-" + review.weekStart();
  }
}
