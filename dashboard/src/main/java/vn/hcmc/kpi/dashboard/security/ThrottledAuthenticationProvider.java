package vn.hcmc.kpi.dashboard.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the throttle before the password (a locked name or address is refused even with the right
 * password, so guessing gains nothing), then delegates; counts bad credentials. Used by the form login
 * and by HTTP Basic alike.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider delegate;
  private final LoginThrottle throttle;
  private final VerifiedCredentials verified;

  ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
    this(delegate, throttle, new VerifiedCredentials(Duration.ZERO, 0));
  }

  /** @param verified pairs recently checked successfully, answered without the delegate (HTTP Basic) */
  ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle,
      VerifiedCredentials verified) {
    this.delegate = delegate;
    this.throttle = throttle;
    this.verified = verified;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : null;
    Instant locked = throttle.lockedUntil(username, address);
    if (locked != null) {
      throw new LockedException("Too many failed sign-ins: try again after " + locked);
    }
    Authentication known = verified.find(username, authentication.getCredentials());
    if (known != null) {
      UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
          known.getPrincipal(), null, known.getAuthorities());
      result.setDetails(authentication.getDetails());
      return result;
    }
    try {
      Authentication result = delegate.authenticate(authentication);
      throttle.succeeded(username);
      verified.remember(username, authentication.getCredentials(), result);
      return result;
    } catch (BadCredentialsException e) {
      throttle.failed(username, address);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
