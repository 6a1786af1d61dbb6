package io.dcos.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dcos.identity.config.IdentityProperties;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Checks a service account's login token: an RS256 JWT signed with the account's private key,
 * claiming its {@code uid}, with an {@code exp} in the future and, when it carries {@code iat},
 * issued recently, so that an old login token cannot be replayed for long.
 */
@Component
public class LoginTokenVerifier {
  private final Clock clock;
  private final IdentityProperties properties;

  public LoginTokenVerifier(Clock clock, IdentityProperties properties) {
    this.clock = clock;
    this.properties = properties;
  }

  public boolean verify(String token, String uid, String publicKeyPem) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(new RSASSAVerifier(Pem.rsaPublicKey(publicKeyPem)))) {
        return false;
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Instant now = clock.instant();
      Date exp = claims.getExpirationTime();
      Date iat = claims.getIssueTime();
      return uid.equals(claims.getStringClaim("uid"))
          && exp != null
          && exp.toInstant().isAfter(now)
          && (iat == null || !iat.toInstant().isBefore(now.minus(properties.loginTokenMaxAge())));
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      return false;
    }
  }
}
