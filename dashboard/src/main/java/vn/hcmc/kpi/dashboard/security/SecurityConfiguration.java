package vn.hcmc.kpi.dashboard.security;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in and access (SPEC 7). Pages: form login ({@code /login}); the API and the exports also accept
 * HTTP Basic, sent preemptively (scripts). Roles and the leader's unit are authorities
 * ({@code ROLE_…}, {@code UNIT_…}, see {@link Viewer}). URL rules are the first gate; the queries check
 * the scope again where a URL does not name the unit (dossiers, officer ids, the unit pickers).
 *
 * <p>CSRF: every form (login, logout, SQL console) carries the token. Requests that carry an
 * {@code Authorization} header (Basic) are exempt: a cross-site page cannot set that header (a
 * cross-origin script would need a CORS preflight, which is never granted), and browsers only attach
 * Basic credentials on their own after a Basic challenge, which this app never sends (unauthenticated
 * API calls get 401 without {@code WWW-Authenticate: Basic}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

  /** Only our own origin: no inline scripts; inline styles are needed by ECharts' tooltips and Swagger UI. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

  @Bean
  BCryptPasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  UserDetailsService users(SecurityProperties properties) {
    List<UserDetails> users = new ArrayList<>();
    int index = 0;
    for (SecurityProperties.User user : properties.users()) {
      String where = "kpi.security.users[" + index++ + "]";
      if (user.username() == null || user.username().isBlank()) {
        throw new IllegalStateException(where + ".username is missing");
      }
      if (user.passwordHash() == null || !user.passwordHash().matches("\\$2[aby]?\\$\\d\\d\\$.{53}")) {
        throw new IllegalStateException(where + ".password-hash must be a BCrypt hash ($2a$10$…), never a password");
      }
      if (user.role() == null) {
        throw new IllegalStateException(where + ".role is missing (WARD_LEADER, CITY_PLANNER, ANALYST, ADMIN)");
      }
      List<SimpleGrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority(user.role().authority())));
      if (user.role() == Role.WARD_LEADER) {
        if (user.unit() == null || user.unit().isBlank()) {
          throw new IllegalStateException(where + ".unit is required for a WARD_LEADER");
        }
        authorities.add(new SimpleGrantedAuthority(Viewer.UNIT_PREFIX + user.unit().strip()));
      }
      users.add(User.withUsername(user.username()).password(user.passwordHash()).authorities(authorities).build());
    }
    return new InMemoryUserDetailsManager(users);
  }

  @Bean
  AuthenticationProvider authenticationProvider(UserDetailsService users, BCryptPasswordEncoder encoder,
      LoginThrottle throttle) {
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
    dao.setPasswordEncoder(encoder);
    // HTTP Basic sends the password with every request: check it with BCrypt once a minute, not every time
    return new ThrottledAuthenticationProvider(dao, throttle, new VerifiedCredentials(Duration.ofMinutes(1), 10_000));
  }

  /** {@code /wards/{ward}/**}: a ward leader only for their own unit. */
  static AuthorizationManager<RequestAuthorizationContext> unitInPath() {
    return (authentication, context) -> {
      Viewer viewer = Viewer.of(authentication.get());
      return new AuthorizationDecision(viewer.mayOpenUnit(context.getVariables().get("ward")));
    };
  }

  @Bean
  @ConditionalOnWebApplication // not in ./kpi digest, which runs without a web server
  SecurityFilterChain filterChain(HttpSecurity http, AuthenticationProvider provider, JsonMapper json,
      MessageSource messages, LocaleResolver locales) throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    AuthenticationEntryPoint apiEntry = (request, response, e) -> problem(json, response, HttpStatus.UNAUTHORIZED,
        message(messages, locales, request, e instanceof LockedException ? "login.locked" : "security.unauthenticated"));
    AccessDeniedHandler denied = (request, response, e) -> {
      String text = message(messages, locales, request, "security.forbidden");
      if (API.matches(request)) {
        problem(json, response, HttpStatus.FORBIDDEN, text);
      } else {
        response.sendError(HttpStatus.FORBIDDEN.value(), text);
      }
    };
    http
        .authenticationProvider(provider)
        .authorizeHttpRequests(authorize -> authorize
            .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/sql", "/sql/**", "/api/sql", "/api/sql/**").hasAnyRole("ANALYST", "ADMIN")
            .requestMatchers("/admin/**", "/api/admin/**").hasRole("ADMIN")
            .requestMatchers("/wards/review").authenticated()
            .requestMatchers(path.matcher("/wards/{ward}/**"), path.matcher("/api/wards/{ward}/**")).access(unitInPath())
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login")
            .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof LockedException ? "/login?locked" : "/login?error")))
            .permitAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(apiEntry))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(apiEntry, API)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
            .accessDeniedHandler(denied))
        .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  private static String message(MessageSource messages, LocaleResolver locales, HttpServletRequest request,
      String code) {
    Locale locale = locales.resolveLocale(request);
    return messages.getMessage(code, null, code, locale);
  }

  private static void problem(JsonMapper json, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(Map.of("type", "about:blank", "title", problem.getTitle(),
        "status", status.value(), "detail", detail)));
  }
}
