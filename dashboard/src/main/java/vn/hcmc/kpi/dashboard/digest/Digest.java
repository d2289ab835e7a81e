package vn.hcmc.kpi.dashboard.digest;

import java.time.LocalDate;
import java.util.List;

/** One rendered digest: an HTML e-mail with its attachments, for one recipient and week. */
public record Digest(Recipient recipient, LocalDate weekStart, String subject, String html,
    List<Attachment> attachments) {

  public record Attachment(String fileName, String contentType, byte[] content) {
  }
}
