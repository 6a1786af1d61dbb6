package io.dcos.kernel.agent.health;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * An HTTP check: a GET answered with a status in 200-399, or in {@code statuses} when the framework
 * lists them. Redirects are not followed (a 3xx is healthy). Like Mesos's {@code curl -k}, https
 * checks do not verify the task's certificate: they test liveness, not identity.
 */
public final class HttpHealthChecker implements HealthChecker {
  private static final SSLSocketFactory TRUST_ALL = trustAll();

  private final URI uri;
  private final List<Integer> statuses;

  public HttpHealthChecker(URI uri, List<Integer> statuses) {
    this.uri = uri;
    this.statuses = List.copyOf(statuses);
  }

  public URI uri() {
    return uri;
  }

  /** Whether a response status means healthy. Pure. */
  public static boolean healthy(int status, List<Integer> statuses) {
    return statuses.isEmpty() ? status >= 200 && status <= 399 : statuses.contains(status);
  }

  @Override
  public boolean check(Duration timeout) {
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) uri.toURL().openConnection();
      if (connection instanceof HttpsURLConnection https) {
        https.setSSLSocketFactory(TRUST_ALL);
        https.setHostnameVerifier((host, session) -> true);
      }
      connection.setInstanceFollowRedirects(false);
      connection.setConnectTimeout(millis);
      connection.setReadTimeout(millis);
      connection.setRequestMethod("GET");
      int status = connection.getResponseCode();
      drain(connection);
      return healthy(status, statuses);
    } catch (IOException | RuntimeException e) {
      return false;
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  private static void drain(HttpURLConnection connection) throws IOException {
    InputStream body =
        connection.getResponseCode() >= 400
            ? connection.getErrorStream()
            : connection.getInputStream();
    if (body != null) {
      try (body) {
        body.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }
  }

  private static SSLSocketFactory trustAll() {
    TrustManager acceptAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {acceptAll}, new SecureRandom());
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available", e);
    }
  }
}
