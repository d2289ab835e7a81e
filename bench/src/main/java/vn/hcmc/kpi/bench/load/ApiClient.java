package vn.hcmc.kpi.bench.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One dashboard client signed in as one account. {@link Auth#SESSION}: signs in once through the login
 * form (CSRF token and all) and then sends the session cookie, as a browser does; {@link Auth#BASIC}:
 * sends HTTP Basic with every request, as a script does (each request then pays the BCrypt check).
 * Its own {@link HttpClient} (HTTP/1.1, own connection and cookies), so N clients are N independent users.
 */
final class ApiClient {

  enum Auth { SESSION, BASIC }

  /** A user name and password the dashboard was started with. */
  record Account(String username, String password) {
  }

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  private final URI base;
  private final Account account;
  private final Auth auth;
  private final Duration timeout;
  private final HttpClient http;
  /** Session mode: the session's CSRF token, sent with requests that have a body (as the console's form does). */
  private String csrfToken;

  ApiClient(URI base, Account account, Auth auth, Duration timeout) {
    this.base = base;
    this.account = account;
    this.auth = auth;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
  }

  Account account() {
    return account;
  }

  /** Session mode: the login form's round trip; fails with what the dashboard answered. Basic: nothing. */
  ApiClient signIn() throws IOException, InterruptedException {
    if (auth == Auth.BASIC) {
      return this;
    }
    String body = "username=" + encode(account.username()) + "&password=" + encode(account.password()) + "&_csrf="
        + encode(csrfToken());
    HttpResponse<Void> posted = http.send(HttpRequest.newBuilder(base.resolve("/login")).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), BodyHandlers.discarding());
    String location = posted.headers().firstValue("Location").orElse("");
    if (posted.statusCode() != 302 || location.contains("/login")) {
      throw new IOException("signing in as " + account.username() + " failed: HTTP " + posted.statusCode()
          + " to " + location);
    }
    csrfToken = csrfToken(); // signing in gives the session a new token
    return this;
  }

  /** The token the login form carries for this client's session. */
  private String csrfToken() throws IOException, InterruptedException {
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/login")).timeout(timeout).build(),
        BodyHandlers.ofString());
    Matcher token = CSRF.matcher(form.body());
    if (form.statusCode() != 200 || !token.find()) {
      throw new IOException("GET /login gave HTTP " + form.statusCode() + " without a CSRF token");
    }
    return token.group(1) != null ? token.group(1) : token.group(2);
  }

  /** Sends and reads the whole answer (discovery: parameters, OpenAPI). */
  HttpResponse<String> fetch(ApiRequest request) throws IOException, InterruptedException {
    return http.send(build(request), BodyHandlers.ofString());
  }

  /** Sends, reads and drops the answer (load): the status. */
  int call(ApiRequest request) throws IOException, InterruptedException {
    return http.send(build(request), BodyHandlers.discarding()).statusCode();
  }

  private HttpRequest build(ApiRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.pathAndQuery())).timeout(timeout)
        .header("Accept", "application/json");
    if (auth == Auth.BASIC) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((account.username() + ":" + account.password()).getBytes(StandardCharsets.UTF_8)));
    }
    if (request.jsonBody() != null) {
      if (csrfToken != null) {
        builder.header("X-CSRF-TOKEN", csrfToken);
      }
      builder.header("Content-Type", "application/json")
          .method(request.method(), HttpRequest.BodyPublishers.ofString(request.jsonBody()));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
