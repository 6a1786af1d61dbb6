package io.dcos.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dcos.identity.config.IdentityProperties;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Signs authentication tokens (RS256 JWTs with {@code uid} and {@code exp}, as DC/OS issues) with
 * the cluster's signing key, and checks them for this service's own endpoints.
 */
@Component
public class TokenIssuer {
  private final RSAKey key;
  private final RSASSASigner signer;
  private final RSASSAVerifier verifier;
  private final IdentityProperties properties;
  private final Clock clock;

  public TokenIssuer(SigningKeyStore keys, IdentityProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.key = keys.loadOrCreate();
    try {
      this.signer = new RSASSASigner(key);
      this.verifier = new RSASSAVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("unusable signing key", e);
    }
  }

  /** A signed token for {@code uid}, valid for the configured lifetime. */
  public IssuedToken issue(String uid) {
    Instant now = clock.instant();
    Instant exp = now.plus(properties.tokenLifetime());
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .claim("uid", uid)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(exp))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return new IssuedToken(jwt.serialize(), now, exp);
  }

  /** The uid of a valid, unexpired token signed by this cluster; empty otherwise. */
  public Optional<String> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date exp = claims.getExpirationTime();
      String uid = claims.getStringClaim("uid");
      if (exp == null || !exp.toInstant().isAfter(clock.instant()) || uid == null) {
        return Optional.empty();
      }
      return Optional.of(uid);
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }

  /** The public half as a JSON Web Key Set. */
  public Map<String, Object> jwks() {
    return new JWKSet(key.toPublicJWK()).toJSONObject(true);
  }

  /** The public half in PEM, for nginx's Lua, which reads PEM keys. */
  public String publicKeyPem() {
    try {
      return Pem.of(key.toRSAPublicKey());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token, when it was issued and when it expires. */
  public record IssuedToken(String token, Instant issued, Instant expires) {}
}
