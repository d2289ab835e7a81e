package vn.hcmc.kpi.dashboard.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Officer pseudonyms: {@code CB-} and the first {@value #HEX} hex digits of HMAC-SHA256(secret,
 * officer id), e.g. {@code CB-3f9a2c1d7e}. Stable as long as {@code kpi.pseudonym-secret} is (so
 * links and exports stay valid), not reversible without the secret, and the same everywhere: pages,
 * JSON, exports, URLs and the SQL console. 40 bits keep collisions negligible for the city's few
 * thousand officers.
 */
@Component
public class Pseudonyms {

  public static final String PREFIX = "CB-";

  static final int HEX = 10;

  private static final Logger LOG = LoggerFactory.getLogger(Pseudonyms.class);

  private final SecretKeySpec key;

  public Pseudonyms(@Value("${kpi.pseudonym-secret:}") String secret) {
    byte[] bytes;
    if (secret == null || secret.isBlank()) {
      bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      LOG.warn("kpi.pseudonym-secret is not set: using a random secret, so officer pseudonyms change at every"
          + " restart. Set it (at least 32 characters, kept secret) in production.");
    } else {
      bytes = secret.getBytes(StandardCharsets.UTF_8);
    }
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  /** The pseudonym of {@code officerId}; null for null. */
  public String of(String officerId) {
    if (officerId == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(officerId.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public static boolean looksLikePseudonym(String text) {
    return text != null && text.startsWith(PREFIX) && text.length() == PREFIX.length() + HEX;
  }
}
