package vn.hcmc.kpi.dashboard.city;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.alert.AlertStore;
import vn.hcmc.kpi.dashboard.export.Downloads;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/** The city comparison page (data inline as the API's JSON, drawn by city.js) and its exports. */
@Controller
class CityController {

  private final Warehouse warehouse;
  private final JsonMapper json;
  private final MessageSource messages;
  private final AlertStore alerts;

  CityController(Warehouse warehouse, JsonMapper json, MessageSource messages, AlertStore alerts) {
    this.warehouse = warehouse;
    this.alerts = alerts;
    this.json = json;
    this.messages = messages;
  }

  /** The last complete week city-wide. */
  @GetMapping("/city")
  String city() {
    return "redirect:/city/weeks/" + warehouse.read(CityQueries::lastCompleteWeek);
  }

  /** Target of the filter form (a plain GET form, so it works without JavaScript). */
  @GetMapping("/city/pick")
  String pick(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate until,
      @RequestParam(required = false) String formerProvince, @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "progress766") RankKey rankBy) {
    LocalDate last = until == null || until.isBefore(from) ? from : until;
    return UriComponentsBuilder.fromPath("/city/weeks/{from}").queryParam("until", last)
        .queryParamIfPresent("formerProvince", java.util.Optional.ofNullable(CityApiController.blankToNull(formerProvince)))
        .queryParamIfPresent("kind", java.util.Optional.ofNullable(CityApiController.blankToNull(kind)))
        .queryParam("rankBy", rankBy).encode().buildAndExpand(from).toUriString()
        .transform(uri -> "redirect:" + uri);
  }

  @GetMapping("/city/weeks/{weekStart}")
  String page(@PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate weekStart,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate until,
      @RequestParam(required = false) String formerProvince, @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "progress766") RankKey rankBy, Model model) {
    CityComparison comparison = compare(weekStart, until, formerProvince, kind, rankBy);
    model.addAttribute("city", comparison);
    model.addAttribute("cityJson", json.writeValueAsString(comparison).replace("<", "\\u003c"));
    model.addAttribute("rankKeys", Arrays.asList(RankKey.values()));
    // the range's alerts, units of the filtered comparison only
    java.util.Set<String> shown = new java.util.HashSet<>();
    comparison.units().forEach(unit -> shown.add(unit.code()));
    model.addAttribute("alerts", alerts.find(null, null).stream()
        .filter(a -> shown.contains(a.unitCode()) && !a.weekStart().isBefore(comparison.from())
            && !a.weekStart().isAfter(comparison.until())).toList());
    return "city/comparison";
  }

  @Operation(summary = "The city comparison as an Excel workbook (units ranked; integration errors by hour)")
  @GetMapping("/city/weeks/{weekStart}/export.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate weekStart,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate until,
      @RequestParam(required = false) String formerProvince, @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "progress766") RankKey rankBy, Locale locale) {
    CityComparison comparison = compare(weekStart, until, formerProvince, kind, rankBy);
    return Downloads.xlsx(new CityExport(messages, locale).tables(comparison), fileName(comparison));
  }

  @Operation(summary = "One table of the city comparison as CSV (table=units or errorsByHour)")
  @GetMapping("/city/weeks/{weekStart}/export.csv")
  ResponseEntity<byte[]> csv(@PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate weekStart,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate until,
      @RequestParam(required = false) String formerProvince, @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "progress766") RankKey rankBy,
      @RequestParam(defaultValue = "units") String table, Locale locale) {
    CityComparison comparison = compare(weekStart, until, formerProvince, kind, rankBy);
    return Downloads.csv(new CityExport(messages, locale).tables(comparison), table, fileName(comparison));
  }

  private CityComparison compare(LocalDate weekStart, LocalDate until, String formerProvince, String kind,
      RankKey rankBy) {
    return warehouse.read(snapshot -> CityQueries.compare(snapshot, weekStart, until == null ? weekStart : until,
        CityApiController.blankToNull(formerProvince), CityApiController.blankToNull(kind), rankBy));
  }

  private static String fileName(CityComparison comparison) {
    return "city-" + comparison.from() + (comparison.until().equals(comparison.from()) ? "" : "-" + comparison.until());
  }
}
