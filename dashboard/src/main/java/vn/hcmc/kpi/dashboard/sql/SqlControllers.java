package vn.hcmc.kpi.dashboard.sql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import vn.hcmc.kpi.dashboard.export.CsvWriter;
import vn.hcmc.kpi.dashboard.export.ExportTable;

/**
 * The SQL console (ANALYST and ADMIN; the URL rules in SecurityConfiguration): {@code POST /api/sql}
 * (JSON {@code {"sql": "..."}}, result as JSON or, with {@code ?format=csv} or {@code Accept: text/csv},
 * CSV), the console page {@code /sql} (a plain form with the CSRF token: run, CSV export), and the
 * audit for admins ({@code /admin/audit}, {@code /api/admin/audit}).
 */
final class SqlControllers {

  private SqlControllers() {
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SqlSettings.class)
  static class Settings {
  }

  /** The request body of {@code POST /api/sql}. */
  record SqlRequest(String sql) {
  }

  static HttpStatus status(SqlResult result) {
    return switch (result.outcome()) {
      case OK, TRUNCATED -> HttpStatus.OK;
      case REFUSED -> HttpStatus.BAD_REQUEST;
      case TIMEOUT, MEMORY, FAILED -> HttpStatus.UNPROCESSABLE_CONTENT;
    };
  }

  static byte[] csv(SqlResult result) {
    List<ExportTable.Column> columns = new ArrayList<>();
    for (SqlResult.Column column : result.columns()) {
      columns.add(new ExportTable.Column(column.name(), ExportTable.Kind.TEXT));
    }
    ExportTable table = new ExportTable("result", "result", columns, result.rows());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CsvWriter.write(table, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static ResponseEntity<byte[]> csvResponse(SqlResult result) {
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"query.csv\"").body(csv(result));
  }

  @RestController
  static class Api {

    private final SqlSandbox sandbox;
    private final SqlAudit audit;

    Api(SqlSandbox sandbox, SqlAudit audit) {
      this.sandbox = sandbox;
      this.audit = audit;
    }

    @Operation(summary = "SQL console (ANALYST, ADMIN): one read-only query over the published tables "
        + "(pseudonymised); JSON, or CSV with ?format=csv or Accept: text/csv. Refused: 400; time limit, memory "
        + "limit or DuckDB error: 422; all audited")
    @PostMapping(path = "/api/sql", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> run(@RequestBody SqlRequest request, @RequestParam(required = false) String format,
        @org.springframework.web.bind.annotation.RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
      SqlResult result = sandbox.run(request == null ? null : request.sql());
      if (!result.outcome().hasRows()) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(result), result.message());
        problem.setTitle(result.outcome().name());
        problem.setProperty("outcome", result.outcome().name());
        return ResponseEntity.status(status(result)).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
      }
      if ("csv".equals(format) || (accept != null && accept.contains("text/csv"))) {
        return csvResponse(result);
      }
      return ResponseEntity.ok(result);
    }

    @Operation(summary = "The SQL console's audit, newest first (ADMIN)")
    @GetMapping("/api/admin/audit")
    List<SqlAudit.Entry> audit(@RequestParam(defaultValue = "500") int limit) {
      return audit.last(Math.max(1, Math.min(limit, 10_000)));
    }
  }

  @Controller
  static class Page {

    private final SqlSandbox sandbox;
    private final SqlAudit audit;
    private final SchemaDocs docs;

    Page(SqlSandbox sandbox, SqlAudit audit, SchemaDocs docs) {
      this.sandbox = sandbox;
      this.audit = audit;
      this.docs = docs;
    }

    @GetMapping("/sql")
    String console(Model model) {
      return page(model, "", null);
    }

    @PostMapping("/sql")
    String run(@RequestParam(defaultValue = "") String sql, Model model) {
      return page(model, sql, sandbox.run(sql));
    }

    @PostMapping("/sql/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String sql) {
      SqlResult result = sandbox.run(sql);
      if (!result.outcome().hasRows()) {
        return ResponseEntity.status(status(result)).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
            .body(result.message().getBytes(StandardCharsets.UTF_8));
      }
      return csvResponse(result);
    }

    private String page(Model model, String sql, SqlResult result) {
      model.addAttribute("sql", sql);
      model.addAttribute("result", result);
      model.addAttribute("schema", docs.describe(sandbox.schema()));
      model.addAttribute("examples", docs.examples());
      model.addAttribute("limits", Map.of("time", sandbox.settings().timeLimit().toSeconds(), "rows",
          sandbox.settings().rowLimit(), "memory", sandbox.settings().memoryLimit()));
      return "sql/console";
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
      model.addAttribute("entries", audit.last(500));
      return "sql/audit";
    }
  }
}
