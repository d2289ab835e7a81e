package vn.hcmc.kpi.dashboard.digest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What happened to one recipient's digest for a week, as logged in {@code <kpi.state-dir>/digest/deliveries.jsonl}.
 *
 * @param status SENT; FAILED (every attempt failed, or it could not be built: {@code error} says why;
 *     {@code unsentFile} holds the message when it was built); NO_DATA (the recipient's ward has no
 *     figures for the week); WRITTEN (dry run)
 */
public record Delivery(OffsetDateTime at, LocalDate weekStart, String username, String email, String subject,
    Status status, int attempts, String error, String unsentFile) {

  public enum Status { SENT, FAILED, NO_DATA, WRITTEN }
}
