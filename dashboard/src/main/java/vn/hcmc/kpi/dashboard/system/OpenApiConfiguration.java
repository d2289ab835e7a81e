package vn.hcmc.kpi.dashboard.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/**
 * The OpenAPI description springdoc serves at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui/index.html}). Which paths it covers is set in application.yml: the JSON API and
 * the exports, not the HTML pages.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI kpiOpenApi() {
    return new OpenAPI().info(new Info().title("Ward officer KPI dashboard API").version("1")
        .description("""
            Read-only figures of the published warehouse (docs/warehouse.md, docs/kpi-rules.md). Weeks are named \
            by their Monday (ISO date); rates are fractions in [0, 1], null when the denominator is 0; instants \
            are ISO-8601 in Ho Chi Minh City time (+07:00). Errors are RFC 9457 problem details. Add ?lang=en \
            for English names and messages (Vietnamese by default). The paths /api/wards/{wardCode}/weeks/\
            {weekStart}, /api/city/weeks/{weekStart} and /api/dossiers/{dossierId} are stable."""));
  }
}
