package vn.hcmc.kpi.dashboard.dossier;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import vn.hcmc.kpi.dashboard.officer.OfficerNames;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/** JSON of a dossier's timeline (a public path: keep it stable). */
@RestController
class DossierApiController {

  private final Warehouse warehouse;
  private final OfficerNames officerNames;
  private final MessageSource messages;

  DossierApiController(Warehouse warehouse, OfficerNames officerNames, MessageSource messages) {
    this.warehouse = warehouse;
    this.officerNames = officerNames;
    this.messages = messages;
  }

  @Operation(summary = "One dossier: facts, events, holders, pauses, due date, verdict and why")
  @GetMapping("/api/dossiers/{dossierId}")
  DossierTimeline timeline(@PathVariable String dossierId, Locale locale) {
    return warehouse.read(snapshot -> DossierQueries.timeline(snapshot, officerNames, dossierId, locale,
        new Explanation(messages, locale)));
  }
}
