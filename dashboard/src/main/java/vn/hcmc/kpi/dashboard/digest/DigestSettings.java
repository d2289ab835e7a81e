package vn.hcmc.kpi.dashboard.digest;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kpi.digest.*}: the Monday digest. SMTP itself is Spring's {@code spring.mail.*} (host, port,
 * username, password, {@code properties.mail.smtp.starttls.enable}, …).
 *
 * @param enabled whether the cron job sends (off by default: it needs SMTP)
 * @param cron when, in {@code zone} (default Monday 07:00 Asia/Ho_Chi_Minh)
 * @param from the sender
 * @param baseUrl where the dashboard is reached, for the links in the e-mails
 * @param language of the e-mails (vi or en)
 * @param attempts sends tried per message before it is reported as failed
 * @param backoff wait between attempts
 */
@ConfigurationProperties("kpi.digest")
public record DigestSettings(Boolean enabled, String cron, String zone, String from, String baseUrl, String language,
    Integer attempts, Duration backoff) {

  public DigestSettings {
    enabled = enabled != null && enabled;
    cron = cron == null ? "0 0 7 * * MON" : cron;
    zone = zone == null ? "Asia/Ho_Chi_Minh" : zone;
    from = from == null ? "kpi-noreply@localhost" : from;
    baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    language = language == null ? "vi" : language;
    attempts = attempts == null ? 3 : attempts;
    backoff = backoff == null ? Duration.ofMinutes(1) : backoff;
    if (attempts < 1) {
      throw new IllegalStateException("kpi.digest.attempts must be at least 1");
    }
  }

  public Locale locale() {
    return Locale.forLanguageTag(language);
  }
}
