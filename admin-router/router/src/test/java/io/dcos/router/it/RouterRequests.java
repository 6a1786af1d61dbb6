package io.dcos.router.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Requests as a client of the admin router sends them: with a login token, and forged tokens. */
final class RouterRequests {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private RouterRequests() {}

  static String sign(JWSSigner signer, JWSAlgorithm alg, String uid, Instant exp) throws Exception {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().expirationTime(Date.from(exp));
    if (uid != null) {
      claims.claim("uid", uid);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims.build());
    jwt.sign(signer);
    return jwt.serialize();
  }

  /** The identity service's private key, read from its database, to mint tokens it never issued. */
  static PrivateKey clusterSigningKey(EmbeddedPostgres postgres) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var s = c.prepareStatement("select private_key from signing_key where id = 1");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes(1)));
    }
  }

  static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "token=" + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> send(String method, String url, String json, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .header("Authorization", "token=" + token);
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String url, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
