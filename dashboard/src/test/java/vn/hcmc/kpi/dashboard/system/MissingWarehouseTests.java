package vn.hcmc.kpi.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hcmc.kpi.dashboard.Http;

/** Without a warehouse the app starts and explains, instead of failing or showing a stack trace. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "kpi.warehouse=target/no-such-warehouse-for-tests")
class MissingWarehouseTests {

  @LocalServerPort
  int port;

  @Test
  void pagesShowAFriendlyMessage() {
    HttpResponse<String> response = Http.get(port, "/", "text/html");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("Không tìm thấy kho dữ liệu").contains("no-such-warehouse-for-tests")
        .doesNotContain("Exception").doesNotContain("at vn.hcmc");
  }

  @Test
  void apiAnswersWithAProblem() {
    HttpResponse<String> response = Http.get(port, "/api/wards/26737/weeks/2025-11-10?lang=en");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("Warehouse not found").doesNotContain("Exception");
  }
}
