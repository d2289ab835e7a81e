package vn.hcmc.kpi.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.FixtureApp;
import vn.hcmc.kpi.dashboard.Http;

/** springdoc 3 on Boot 4 serves the OpenAPI description with the public paths, and Swagger UI. */
class OpenApiTests extends FixtureApp {

  @Test
  void apiDocsListTheFixedPublicPathsAndTheExports() {
    HttpResponse<String> response = Http.get(port, "/v3/api-docs");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode paths = JsonMapper.builder().build().readTree(response.body()).get("paths");
    assertThat(paths.propertyNames()).contains("/api/wards/{wardCode}/weeks/{weekStart}", "/api/city/weeks/{weekStart}",
        "/api/dossiers/{dossierId}", "/api/wards/{wardCode}/procedures/{procedureCode}",
        "/api/wards/{wardCode}/officers/{officerId}", "/api/quality", "/wards/{wardCode}/weeks/{weekStart}/export.xlsx",
        "/wards/{wardCode}/weeks/{weekStart}/export.csv", "/city/weeks/{weekStart}/export.xlsx");
    assertThat(paths.propertyNames()).noneMatch(path -> path.equals("/wards/{wardCode}/weeks/{weekStart}"));
    assertThat(Http.get(port, "/swagger-ui/index.html").statusCode()).isEqualTo(200);
  }
}
