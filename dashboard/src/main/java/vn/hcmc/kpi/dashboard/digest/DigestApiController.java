package vn.hcmc.kpi.dashboard.digest;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The digest delivery report for admins (URL rule: /api/admin/** is ADMIN only). */
@RestController
class DigestApiController {

  private final DeliveryLog log;

  DigestApiController(DeliveryLog log) {
    this.log = log;
  }

  @Operation(summary = "Monday digest deliveries, newest first: sent, failed (with the error and the kept message), "
      + "no data")
  @GetMapping("/api/admin/digests")
  List<Delivery> deliveries(@RequestParam(defaultValue = "200") int limit) {
    return log.last(Math.max(0, Math.min(limit, 10_000)));
  }
}
