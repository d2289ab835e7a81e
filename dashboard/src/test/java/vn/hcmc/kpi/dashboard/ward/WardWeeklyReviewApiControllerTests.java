package vn.hcmc.kpi.dashboard.ward;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/** MVC slice (Boot 4: {@code org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest}). */
@WebMvcTest(WardWeeklyReviewApiController.class)
class WardWeeklyReviewApiControllerTests {

  @Autowired
  MockMvc mvc;

  @MockitoBean
  Warehouse warehouse;

  @MockitoBean
  WardReviews reviews;

  @Test
  void aWeekNotStartingOnMondayIsRefusedBeforeTheWarehouseIsRead() throws Exception {
    mvc.perform(get("/api/wards/26737/weeks/2025-11-12").param("lang", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(
            "A week starts on a Monday: 12/11/2025 is not a Monday (that week's Monday is 10/11/2025)."));
    verifyNoInteractions(warehouse);
  }

  @Test
  void anUnparsableWeekIsABadRequest() throws Exception {
    mvc.perform(get("/api/wards/26737/weeks/last-week"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Giá trị không hợp lệ cho weekStart: last-week"));
  }
}
