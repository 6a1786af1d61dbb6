package io.dcos.identity.accounts;

import java.time.Instant;

/**
 * A user (logs in with a password) or a service account (logs in with a login token signed by its
 * own RSA key). Exactly one of {@code passwordHash} and {@code publicKeyPem} is set.
 */
public record Account(
    String uid,
    String description,
    String passwordHash,
    String publicKeyPem,
    boolean superuser,
    Instant createdAt) {

  public boolean isService() {
    return publicKeyPem != null;
  }
}
