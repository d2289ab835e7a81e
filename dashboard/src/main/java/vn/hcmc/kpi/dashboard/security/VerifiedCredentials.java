package vn.hcmc.kpi.dashboard.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.core.Authentication;

/**
 * User name and password pairs verified in the last {@code ttl}, so that HTTP Basic, which sends them
 * with every request, pays the BCrypt check (tens of ms of CPU by design) once per {@code ttl} instead
 * of on every request. Only successful checks are kept, keyed by an HMAC-SHA256 of the pair under a
 * random key made at start (never the password itself, and nothing usable after a restart); at most
 * {@code capacity} of them. The throttle is still checked before this on every request.
 */
final class VerifiedCredentials {

  private record Verified(Authentication result, long expiresNanos) {
  }

  private final byte[] key = new byte[32];
  private final long ttlNanos;
  private final int capacity;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::mac);

  VerifiedCredentials(Duration ttl, int capacity) {
    new SecureRandom().nextBytes(key);
    this.ttlNanos = ttl.toNanos();
    this.capacity = capacity;
  }

  /** The result of an earlier successful check of exactly this pair, if not older than the ttl; else null. */
  Authentication find(String username, Object password) {
    if (ttlNanos <= 0 || !(password instanceof String)) {
      return null;
    }
    String id = id(username, (String) password);
    Verified entry = verified.get(id);
    if (entry == null) {
      return null;
    }
    if (System.nanoTime() - entry.expiresNanos() > 0) {
      verified.remove(id, entry);
      return null;
    }
    return entry.result();
  }

  void remember(String username, Object password, Authentication result) {
    if (ttlNanos <= 0 || !(password instanceof String)) {
      return;
    }
    if (verified.size() >= capacity) {
      long now = System.nanoTime();
      verified.values().removeIf(entry -> now - entry.expiresNanos() > 0);
      if (verified.size() >= capacity) {
        verified.clear();
      }
    }
    verified.put(id(username, (String) password), new Verified(result, System.nanoTime() + ttlNanos));
  }

  private String id(String username, String password) {
    Mac mac = macs.get();
    mac.update(username.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
