package vn.hcmc.kpi.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** HTTP Basic's password check is kept briefly, for exactly the pair that passed, never past the throttle. */
class VerifiedCredentialsTests {

  private final AtomicInteger checks = new AtomicInteger();

  /** Accepts alice / right only, counting the (normally BCrypt) checks. */
  private final AuthenticationProvider passwords = new AuthenticationProvider() {
    @Override
    public Authentication authenticate(Authentication authentication) {
      checks.incrementAndGet();
      if (!"alice".equals(authentication.getName()) || !"right".equals(authentication.getCredentials())) {
        throw new BadCredentialsException("bad");
      }
      return UsernamePasswordAuthenticationToken.authenticated("alice", null,
          List.of(new SimpleGrantedAuthority("ROLE_ANALYST")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return true;
    }
  };

  private static Authentication attempt(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }

  @Test
  void theSamePairIsCheckedOnceWithinTheTtlAndAnyOtherPairAsUsual() throws Exception {
    LoginThrottle throttle = new LoginThrottle(new SecurityProperties.Throttle(3, 100, Duration.ofMinutes(5),
        Duration.ofMinutes(5)), Clock.systemUTC());
    ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(passwords, throttle,
        new VerifiedCredentials(Duration.ofMillis(300), 100));
    for (int i = 0; i < 5; i++) {
      Authentication result = provider.authenticate(attempt("alice", "right"));
      assertThat(result.isAuthenticated()).isTrue();
      assertThat(result.getName()).isEqualTo("alice");
      assertThat(result.getCredentials()).isNull();
      assertThat(result.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ANALYST");
    }
    assertThat(checks.get()).isEqualTo(1);
    // a wrong password (even a prefix of the right one) is checked, and fails, every time
    assertThatThrownBy(() -> provider.authenticate(attempt("alice", "righ"))).isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> provider.authenticate(attempt("alice", "right "))).isInstanceOf(BadCredentialsException.class);
    assertThat(checks.get()).isEqualTo(3);
    // after the ttl the pair is checked again
    Thread.sleep(400);
    provider.authenticate(attempt("alice", "right"));
    assertThat(checks.get()).isEqualTo(4);
    // a name locked by failures (3 here; the success above cleared the earlier ones) is refused even with
    // the pair kept
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> provider.authenticate(attempt("alice", "wrong"))).isInstanceOf(BadCredentialsException.class);
    }
    assertThatThrownBy(() -> provider.authenticate(attempt("alice", "right"))).isInstanceOf(LockedException.class);
  }
}
