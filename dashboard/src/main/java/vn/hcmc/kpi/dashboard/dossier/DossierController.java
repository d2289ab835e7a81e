package vn.hcmc.kpi.dashboard.dossier;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.officer.OfficerNames;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/** The dossier timeline page; the chart draws from the API's JSON rendered inline. */
@Controller
class DossierController {

  private final Warehouse warehouse;
  private final OfficerNames officerNames;
  private final MessageSource messages;
  private final JsonMapper json;

  DossierController(Warehouse warehouse, OfficerNames officerNames, MessageSource messages, JsonMapper json) {
    this.warehouse = warehouse;
    this.officerNames = officerNames;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping("/dossiers/{dossierId}")
  String timeline(@PathVariable String dossierId, Locale locale, Model model) {
    DossierTimeline timeline = warehouse.read(snapshot -> DossierQueries.timeline(snapshot, officerNames, dossierId,
        locale, new Explanation(messages, locale)));
    model.addAttribute("t", timeline);
    model.addAttribute("timelineJson", json.writeValueAsString(timeline).replace("<", "\\u003c"));
    return "dossiers/timeline";
  }
}
