package vn.hcmc.kpi.dashboard.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name and per client address (in memory: a restart forgets them) and
 * locks a name or address that failed too often within the window (see {@link SecurityProperties.Throttle}).
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final SecurityProperties.Throttle settings;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

  @org.springframework.beans.factory.annotation.Autowired
  public LoginThrottle(SecurityProperties properties) {
    this(properties.throttle(), Clock.systemUTC());
  }

  LoginThrottle(SecurityProperties.Throttle settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  private static String userKey(String username) {
    return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "?" : address);
  }

  /** Until when sign-in is refused for this name or address, or null when it is not. */
  public Instant lockedUntil(String username, String address) {
    Instant now = clock.instant();
    Instant until = null;
    for (String key : new String[] {userKey(username), addressKey(address)}) {
      Instant locked = lockedUntil.get(key);
      if (locked != null && locked.isAfter(now)) {
        until = until == null || locked.isAfter(until) ? locked : until;
      } else if (locked != null) {
        lockedUntil.remove(key, locked);
      }
    }
    return until;
  }

  public void failed(String username, String address) {
    record(userKey(username), settings.maxFailuresPerUser());
    record(addressKey(address), settings.maxFailuresPerAddress());
  }

  private void record(String key, int max) {
    Instant now = clock.instant();
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(now);
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(settings.window()))) {
        times.removeFirst();
      }
      if (times.size() >= max) {
        lockedUntil.put(key, now.plus(settings.lockFor()));
        times.clear();
        LOG.warn("sign-in locked for {} until {} after {} failures", key, now.plus(settings.lockFor()), max);
      }
    }
  }

  public void succeeded(String username) {
    failures.remove(userKey(username));
  }

  /** Forgets everything (tests). */
  public void clear() {
    failures.clear();
    lockedUntil.clear();
  }
}
