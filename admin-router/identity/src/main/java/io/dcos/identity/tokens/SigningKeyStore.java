package io.dcos.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The token signing key pair in PostgreSQL. The first instance to start generates it; every
 * instance (and every restart) then reads the same row, so tokens stay valid across restarts and
 * replicas.
 */
@Repository
public class SigningKeyStore {
  private final JdbcClient jdbc;
  private final Clock clock;

  public SigningKeyStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The stored key pair, generating and storing one first when there is none. */
  public RSAKey loadOrCreate() {
    Optional<RSAKey> stored = load();
    if (stored.isPresent()) {
      return stored.get();
    }
    RSAKey fresh = generate();
    try {
      jdbc.sql(
              """
              insert into signing_key (id, key_id, private_key, public_key, created_at)
              values (1, ?, ?, ?, ?) on conflict (id) do nothing
              """)
          .params(
              fresh.getKeyID(),
              fresh.toRSAPrivateKey().getEncoded(),
              fresh.toRSAPublicKey().getEncoded(),
              Timestamp.from(clock.instant()))
          .update();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot encode the new signing key", e);
    }
    // Another instance may have won the insert: everyone uses the stored row.
    return load().orElseThrow();
  }

  private Optional<RSAKey> load() {
    return jdbc.sql("select key_id, private_key, public_key from signing_key where id = 1")
        .query(
            (rs, n) ->
                decode(
                    rs.getString("key_id"), rs.getBytes("private_key"), rs.getBytes("public_key")))
        .optional();
  }

  private static RSAKey decode(String keyId, byte[] privateDer, byte[] publicDer) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicDer));
      RSAPrivateKey priv = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
      return new RSAKey.Builder(pub)
          .privateKey(priv)
          .keyID(keyId)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored signing key cannot be read", e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a signing key", e);
    }
  }
}
