package io.dcos.identity.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.dcos.identity.IdentityApplication;
import io.dcos.identity.tokens.Pem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The identity service on a real PostgreSQL: login for users and service accounts, tokens that the
 * published key verifies, account management by administrators only, DC/OS error shapes, a signing
 * key and first administrator that survive a restart, and component health.
 */
class IdentityServiceIT {
  static final String IP = "127.6.1.1";
  static final String ADMIN_PASSWORD = "first-admin-secret";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static EmbeddedPostgres postgres;
  static HttpServer components;
  static ConfigurableApplicationContext identity;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    components = HttpServer.create(new InetSocketAddress(IP, 0), 0);
    components.createContext(
        "/up",
        x -> {
          x.sendResponseHeaders(200, -1);
          x.close();
        });
    components.createContext(
        "/sick",
        x -> {
          x.sendResponseHeaders(503, -1);
          x.close();
        });
    components.start();
    identity = startIdentity();
    base = "http://" + IP + ":" + port(identity);
  }

  static ConfigurableApplicationContext startIdentity() {
    String health = "http://" + IP + ":" + components.getAddress().getPort();
    return SpringApplication.run(
        IdentityApplication.class,
        "--server.address=" + IP,
        "--server.port=0",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--identity.bootstrap-password=" + ADMIN_PASSWORD,
        "--health.components[0].name=mesos-master",
        "--health.components[0].node=127.6.1.10",
        "--health.components[0].url=" + health + "/up",
        "--health.components[1].name=mesos-master",
        "--health.components[1].node=127.6.1.11",
        "--health.components[1].url=" + health + "/sick",
        "--health.components[2].name=mesos-agent",
        "--health.components[2].node=127.6.1.20",
        "--health.components[2].role=agent",
        // Nothing listens there: down.
        "--health.components[2].url=http://127.6.1.3:9/health",
        "--health.timeout=500ms");
  }

  static int port(ConfigurableApplicationContext app) {
    return ((ServletWebServerApplicationContext) app).getWebServer().getPort();
  }

  @AfterAll
  static void stop() throws Exception {
    if (identity != null) {
      identity.close();
    }
    if (components != null) {
      components.stop(0);
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void firstAdministratorLogsInAndGetsAnRs256TokenThatThePublishedKeyVerifies() throws Exception {
    HttpResponse<String> login = login("admin", ADMIN_PASSWORD);
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Set-Cookie"))
        .get()
        .asString()
        .startsWith("dcos-acs-auth-cookie=");
    SignedJWT jwt = SignedJWT.parse(JSON.readTree(login.body()).get("token").asText());

    JWKSet keys = JWKSet.parse(get("/acs/api/v1/auth/jwks", null).body());
    RSAKey key = (RSAKey) keys.getKeys().get(0);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getStringClaim("uid")).isEqualTo("admin");
    assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
        .isBetween(
            Instant.now().plus(Duration.ofDays(5).minusMinutes(1)),
            Instant.now().plus(Duration.ofDays(5)));
    // The PEM form is the same key.
    String pem = get("/acs/api/v1/auth/public-key.pem", null).body();
    assertThat(Pem.rsaPublicKey(pem)).isEqualTo(key.toRSAPublicKey());
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameDcosError() throws Exception {
    for (HttpResponse<String> r :
        List.of(login("admin", "not-the-password"), login("nobody", "whatever1"))) {
      assertThat(r.statusCode()).isEqualTo(401);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("code").asText()).isEqualTo("ERR_INVALID_CREDENTIALS");
      assertThat(body.has("title")).isTrue();
      assertThat(body.has("description")).isTrue();
    }
  }

  @Test
  void administratorManagesUsersAndOthersCannot() throws Exception {
    String admin = token("admin", ADMIN_PASSWORD);
    assertThat(
            send(
                    "PUT",
                    "/acs/api/v1/users/alice",
                    "{\"password\":\"alice-pass-1\",\"description\":\"Alice\"}",
                    admin)
                .statusCode())
        .isEqualTo(201);
    // Stored as Argon2id, never in clear.
    assertThat(passwordHash("alice")).startsWith("$argon2id$");

    HttpResponse<String> again =
        send("PUT", "/acs/api/v1/users/alice", "{\"password\":\"other-pass-2\"}", admin);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).get("code").asText()).isEqualTo("ERR_USER_EXISTS");

    String alice = token("alice", "alice-pass-1");
    HttpResponse<String> forbidden = get("/acs/api/v1/users", alice);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(forbidden.body()).get("code").asText()).isEqualTo("ERR_FORBIDDEN");
    assertThat(
            send("PUT", "/acs/api/v1/users/mallory", "{\"password\":\"mallory-pass\"}", alice)
                .statusCode())
        .isEqualTo(403);
    assertThat(get("/acs/api/v1/users", null).statusCode()).isEqualTo(401);
    assertThat(get("/acs/api/v1/users", "not.a.token").statusCode()).isEqualTo(401);

    JsonNode listed = JSON.readTree(get("/acs/api/v1/users", admin).body()).get("array");
    List<String> uids = new ArrayList<>();
    listed.forEach(u -> uids.add(u.get("uid").asText()));
    assertThat(uids).contains("admin", "alice").doesNotContain("mallory");
    assertThat(listed.toString()).doesNotContain("argon2");

    // Alice changes her own password; the old one stops working.
    assertThat(
            send("PATCH", "/acs/api/v1/users/alice", "{\"password\":\"alice-pass-2\"}", alice)
                .statusCode())
        .isEqualTo(204);
    assertThat(login("alice", "alice-pass-1").statusCode()).isEqualTo(401);
    assertThat(login("alice", "alice-pass-2").statusCode()).isEqualTo(200);

    assertThat(send("DELETE", "/acs/api/v1/users/alice", null, admin).statusCode()).isEqualTo(204);
    assertThat(login("alice", "alice-pass-2").statusCode()).isEqualTo(401);
    // A token of a deleted account no longer manages anything.
    assertThat(get("/acs/api/v1/users/alice", alice).statusCode()).isEqualTo(401);
    assertThat(send("DELETE", "/acs/api/v1/users/alice", null, admin).statusCode()).isEqualTo(404);
  }

  @Test
  void badInputIsA400InTheDcosShapeAndChangesNothing() throws Exception {
    String admin = token("admin", ADMIN_PASSWORD);
    for (String[] bad :
        new String[][] {
          {"bad%20uid", "{\"password\":\"long-enough\"}"},
          {"bob", "{\"password\":\"short\"}"},
          {"bob", "{\"password\":\"long-enough\",\"public_key\":\"x\"}"},
          {"bob", "{\"public_key\":\"not a key\"}"},
          {"bob", "{not json"},
        }) {
      HttpResponse<String> r = send("PUT", "/acs/api/v1/users/" + bad[0], bad[1], admin);
      assertThat(r.statusCode()).as(bad[1]).isEqualTo(400);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("code").asText()).startsWith("ERR_");
      assertThat(r.body()).doesNotContain("Exception");
    }
    assertThat(get("/acs/api/v1/users/bob", admin).statusCode()).isEqualTo(404);
    HttpResponse<String> noBody =
        send("POST", "/acs/api/v1/auth/login", "{\"uid\":\"admin\"}", null);
    assertThat(noBody.statusCode()).isEqualTo(400);
  }

  @Test
  void serviceAccountLogsInWithALoginTokenSignedByItsKey() throws Exception {
    String admin = token("admin", ADMIN_PASSWORD);
    RSAKey own = new RSAKeyGenerator(2048).generate();
    String body =
        JSON.writeValueAsString(
            java.util.Map.of("public_key", Pem.of(own.toRSAPublicKey()), "description", "CI"));
    assertThat(send("PUT", "/acs/api/v1/users/ci-robot", body, admin).statusCode()).isEqualTo(201);
    JsonNode services =
        JSON.readTree(get("/acs/api/v1/users?type=service", admin).body()).get("array");
    assertThat(services.get(0).get("uid").asText()).isEqualTo("ci-robot");
    assertThat(services.get(0).get("is_service").asBoolean()).isTrue();

    HttpResponse<String> ok =
        serviceLogin("ci-robot", loginToken(own, "ci-robot", Instant.now().plusSeconds(60)));
    assertThat(ok.statusCode()).isEqualTo(200);
    SignedJWT issued = SignedJWT.parse(JSON.readTree(ok.body()).get("token").asText());
    assertThat(issued.getJWTClaimsSet().getStringClaim("uid")).isEqualTo("ci-robot");

    RSAKey stranger = new RSAKeyGenerator(2048).generate();
    assertThat(
            serviceLogin(
                    "ci-robot", loginToken(stranger, "ci-robot", Instant.now().plusSeconds(60)))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            serviceLogin("ci-robot", loginToken(own, "ci-robot", Instant.now().minusSeconds(1)))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            serviceLogin("ci-robot", loginToken(own, "admin", Instant.now().plusSeconds(60)))
                .statusCode())
        .isEqualTo(401);
    // A service account has no password to log in with.
    assertThat(login("ci-robot", "anything-long").statusCode()).isEqualTo(401);
  }

  @Test
  void signingKeyAndFirstAdministratorSurviveARestart() throws Exception {
    String before = token("admin", ADMIN_PASSWORD);
    String keysBefore = get("/acs/api/v1/auth/jwks", null).body();
    ConfigurableApplicationContext second = startIdentity();
    try {
      String other = "http://" + IP + ":" + port(second);
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(other + "/acs/api/v1/users/admin"))
                  .header("Authorization", "token=" + before)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(
              HTTP.send(
                      HttpRequest.newBuilder(URI.create(other + "/acs/api/v1/auth/jwks")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body())
          .isEqualTo(keysBefore);
      assertThat(countAccounts("admin")).isEqualTo(1);
    } finally {
      second.close();
    }
  }

  @Test
  void healthReportsUpUnhealthyAndDownPerComponentAndNode() throws Exception {
    JsonNode units = JSON.readTree(get("/system/health/v1", null).body()).get("units");
    assertThat(units.get(0).get("id").asText()).isEqualTo("mesos-master");
    assertThat(units.get(0).get("status").asText()).isEqualTo("unhealthy");
    assertThat(units.get(0).get("nodes").get(0).get("status").asText()).isEqualTo("up");
    assertThat(units.get(0).get("nodes").get(1).get("status").asText()).isEqualTo("unhealthy");
    assertThat(units.get(1).get("id").asText()).isEqualTo("mesos-agent");
    assertThat(units.get(1).get("status").asText()).isEqualTo("down");
    assertThat(units.get(1).get("health").asInt()).isEqualTo(2);
    JsonNode nodes = JSON.readTree(get("/system/health/v1/nodes", null).body()).get("nodes");
    assertThat(nodes).hasSize(3);
    assertThat(nodes.get(2).get("role").asText()).isEqualTo("agent");
  }

  @Test
  void withoutAConfiguredPasswordTheFirstAdministratorGetsAGeneratedOneWrittenForTheOperator()
      throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("create database fresh");
    }
    Path file = Files.createTempDirectory("identity-it-").resolve("admin-password");
    String[] args = {
      "--server.address=" + IP,
      "--server.port=0",
      "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "fresh"),
      "--identity.bootstrap-password-file=" + file
    };
    ConfigurableApplicationContext fresh = SpringApplication.run(IdentityApplication.class, args);
    String password;
    try {
      password = Files.readString(file).strip();
      assertThat(password).hasSizeGreaterThanOrEqualTo(20);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      String url = "http://" + IP + ":" + port(fresh) + "/acs/api/v1/auth/login";
      HttpResponse<String> login =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(
                              java.util.Map.of("uid", "admin", "password", password))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
    } finally {
      fresh.close();
    }
    // A second start finds the account and leaves it, and the file, alone.
    Files.delete(file);
    SpringApplication.run(IdentityApplication.class, args).close();
    assertThat(file).doesNotExist();
  }

  static String loginToken(RSAKey key, String uid, Instant exp) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder().claim("uid", uid).expirationTime(Date.from(exp)).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  static HttpResponse<String> serviceLogin(String uid, String loginToken) throws Exception {
    return send(
        "POST",
        "/acs/api/v1/auth/login",
        JSON.writeValueAsString(java.util.Map.of("uid", uid, "token", loginToken)),
        null);
  }

  static HttpResponse<String> login(String uid, String password) throws Exception {
    return send(
        "POST",
        "/acs/api/v1/auth/login",
        JSON.writeValueAsString(java.util.Map.of("uid", uid, "password", password)),
        null);
  }

  static String token(String uid, String password) throws Exception {
    HttpResponse<String> r = login(uid, password);
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).get("token").asText();
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, null, token);
  }

  static HttpResponse<String> send(String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "token=" + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String passwordHash(String uid) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var s = c.prepareStatement("select password_hash from accounts where uid = ?")) {
      s.setString(1, uid);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  static int countAccounts(String uid) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var s = c.prepareStatement("select count(*) from accounts where uid = ?")) {
      s.setString(1, uid);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
