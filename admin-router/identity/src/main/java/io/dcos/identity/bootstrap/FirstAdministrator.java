package io.dcos.identity.bootstrap;

import io.dcos.identity.accounts.AccountException;
import io.dcos.identity.accounts.AccountService;
import io.dcos.identity.config.IdentityProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator when the store has no account: with the configured password, or
 * with a generated one that is printed once (and written to the configured file, readable by its
 * owner only). Later starts change nothing.
 */
@Component
public class FirstAdministrator implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
  private final AccountService accounts;
  private final IdentityProperties properties;
  private final SecureRandom random = new SecureRandom();

  public FirstAdministrator(AccountService accounts, IdentityProperties properties) {
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (accounts.any()) {
      return;
    }
    boolean generated = properties.bootstrapPassword().isEmpty();
    String password = generated ? generate() : properties.bootstrapPassword();
    try {
      accounts.createUser(properties.bootstrapUid(), password, "first administrator", true);
    } catch (AccountException e) {
      if (e.status() == 409) {
        return; // another instance made it first
      }
      throw new IllegalStateException(
          "cannot create the first administrator: " + e.getMessage(), e);
    }
    if (!properties.bootstrapPasswordFile().isEmpty()) {
      write(Path.of(properties.bootstrapPasswordFile()), password);
    }
    if (generated) {
      // Printed once, on the only start that creates the account.
      LOG.warn(
          "First administrator created: uid '{}' with generated password '{}'. Change it with"
              + " PATCH /acs/api/v1/users/{}.",
          properties.bootstrapUid(),
          password,
          properties.bootstrapUid());
    } else {
      LOG.info(
          "First administrator '{}' created with the configured password.",
          properties.bootstrapUid());
    }
  }

  private String generate() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void write(Path file, String password) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, password + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the first administrator's password to " + file, e);
    }
  }
}
