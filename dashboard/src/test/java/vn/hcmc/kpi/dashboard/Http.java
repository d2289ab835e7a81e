package vn.hcmc.kpi.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A plain HTTP client for tests against the running app (redirects are not followed). Requests are
 * signed in with HTTP Basic, sent preemptively: as {@link #ADMIN} unless a user is given
 * ({@link #as}); {@link #ANONYMOUS} sends none. Every test user's password is {@link #password}.
 */
public final class Http {

  public static final String ADMIN = "admin";
  public static final String ANONYMOUS = null;

  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private Http() {
  }

  /** The password of every test user (FixtureApp and test config/application.yml). */
  public static String password(String username) {
    return "test-" + username;
  }

  public static HttpResponse<String> get(int port, String path) {
    return get(port, path, "*/*");
  }

  public static HttpResponse<String> get(int port, String path, String accept) {
    return as(ADMIN, port, path, accept);
  }

  /** GET as {@code username} (null: without credentials). */
  public static HttpResponse<String> as(String username, int port, String path, String accept) {
    return send(request(username, port, path).header("Accept", accept).GET().build());
  }

  public static HttpResponse<byte[]> bytes(String username, int port, String path) {
    try {
      return CLIENT.send(request(username, port, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpRequest.Builder request(String username, int port, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (username != null) {
      builder.header("Authorization", basic(username, password(username)));
    }
    return builder;
  }

  public static String basic(String username, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
