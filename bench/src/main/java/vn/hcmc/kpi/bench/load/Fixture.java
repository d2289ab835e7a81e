package vn.hcmc.kpi.bench.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parameters the load requests use, found through the dashboard itself (as a user would find
 * them): the leader's unit and its last complete week (where {@code GET /} sends the leader), the
 * city's last complete week (where {@code GET /city} sends a planner), then from that week's ward
 * review the latest procedure, an overdue dossier (else a dossier from the busiest officer's tasks), the
 * busiest officer's id as the leader sees it and as a planner sees it (the pseudonym).
 */
record Fixture(String unitCode, String week, String cityWeek, String procedureCode, String officerId,
    String officerPseudonym, String dossierId) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WARD_WEEK = Pattern.compile("/wards/([^/]+)/weeks/(\\d{4}-\\d{2}-\\d{2})$");
  private static final Pattern CITY_WEEK = Pattern.compile("/city/weeks/(\\d{4}-\\d{2}-\\d{2})$");

  /** @param clients one signed-in client per role */
  static Fixture discover(Map<EndpointPlan.Role, ApiClient> clients) throws IOException, InterruptedException {
    ApiClient leader = clients.get(EndpointPlan.Role.LEADER);
    ApiClient planner = clients.get(EndpointPlan.Role.PLANNER);
    Matcher ward = redirect(leader, "/", WARD_WEEK);
    String unit = ward.group(1);
    String week = ward.group(2);
    String cityWeek = redirect(planner, "/city", CITY_WEEK).group(1);
    String reviewPath = "/api/wards/" + unit + "/weeks/" + week;
    JsonNode review = json(leader, reviewPath);
    String officer = first(review, "officers", "officerId", reviewPath);
    String procedure = first(review, "procedures", "procedureCode", reviewPath);
    String pseudonym = first(json(planner, reviewPath), "officers", "officerId", reviewPath + " (planner)");
    String dossier;
    if (review.path("overdue").size() > 0) {
      dossier = first(review, "overdue", "dossierId", reviewPath);
    } else {
      String officerPath = "/api/wards/" + unit + "/officers/" + officer + "?week=" + week;
      dossier = first(json(leader, officerPath), "tasks", "dossierId", officerPath);
    }
    return new Fixture(unit, week, cityWeek, procedure, officer, pseudonym, dossier);
  }

  private static Matcher redirect(ApiClient client, String path, Pattern target) throws IOException, InterruptedException {
    HttpResponse<String> answer = client.fetch(ApiRequest.get(path));
    String location = answer.headers().firstValue("Location").orElse("");
    Matcher m = target.matcher(location);
    if (answer.statusCode() / 100 != 3 || !m.find()) {
      throw new IOException("GET " + path + " as " + client.account().username() + " should redirect to a week, "
          + "gave HTTP " + answer.statusCode() + " to '" + location + "' (the warehouse needs data, and for the demo "
          + "leader data of unit 26782)");
    }
    return m;
  }

  static JsonNode json(ApiClient client, String path) throws IOException, InterruptedException {
    HttpResponse<String> answer = client.fetch(ApiRequest.get(path));
    if (answer.statusCode() != 200) {
      throw new IOException("GET " + path + " as " + client.account().username() + " gave HTTP "
          + answer.statusCode() + ": " + answer.body());
    }
    return JSON.readTree(answer.body());
  }

  private static String first(JsonNode node, String array, String field, String where) throws IOException {
    JsonNode value = node.path(array).path(0).path(field);
    if (!value.isTextual()) {
      throw new IOException(where + " has no " + array + "[0]." + field + " to load with");
    }
    return value.asText();
  }
}
