package io.dcos.identity.accounts;

import io.dcos.identity.tokens.LoginTokenVerifier;
import io.dcos.identity.tokens.Pem;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates, changes and checks accounts. Every input is validated before anything is written, so a
 * refused request leaves the store as it was.
 */
@Service
public class AccountService {
  private static final Pattern UID =
      Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9@._-]{0,94}[a-zA-Z0-9])?");
  private static final int MIN_PASSWORD = 8;

  private final AccountStore store;
  private final PasswordEncoder passwords;
  private final LoginTokenVerifier loginTokens;
  private final Clock clock;
  private final String unknownUserHash;

  public AccountService(
      AccountStore store, PasswordEncoder passwords, LoginTokenVerifier loginTokens, Clock clock) {
    this.store = store;
    this.passwords = passwords;
    this.loginTokens = loginTokens;
    this.clock = clock;
    // Compared against for unknown uids, so that a miss costs as long as a wrong password.
    this.unknownUserHash = passwords.encode("no such user");
  }

  /** A new user that logs in with {@code password}. */
  public Account createUser(String uid, String password, String description, boolean superuser) {
    checkUid(uid);
    checkPassword(password);
    Account account =
        new Account(
            uid,
            describe(description),
            passwords.encode(password),
            null,
            superuser,
            clock.instant());
    insert(account);
    return account;
  }

  /**
   * A new service account that logs in with login tokens signed by the key of {@code publicKey}.
   */
  public Account createServiceAccount(String uid, String publicKey, String description) {
    checkUid(uid);
    String pem = checkPublicKey(publicKey);
    Account account = new Account(uid, describe(description), null, pem, false, clock.instant());
    insert(account);
    return account;
  }

  /** Changes the given fields; null leaves a field as it is. */
  public Account update(String uid, String password, String publicKey, String description) {
    Account old = find(uid);
    if (password != null && old.isService()) {
      throw AccountException.invalid("A service account has no password; change its public_key.");
    }
    if (publicKey != null && !old.isService()) {
      throw AccountException.invalid("A user has no public key; change its password.");
    }
    if (password != null) {
      checkPassword(password);
    }
    String pem = publicKey == null ? old.publicKeyPem() : checkPublicKey(publicKey);
    Account changed =
        new Account(
            uid,
            description == null ? old.description() : describe(description),
            password == null ? old.passwordHash() : passwords.encode(password),
            pem,
            old.superuser(),
            old.createdAt());
    if (!store.update(changed)) {
      throw AccountException.unknown(uid);
    }
    return changed;
  }

  public void delete(String uid) {
    if (!store.delete(uid)) {
      throw AccountException.unknown(uid);
    }
  }

  public Account find(String uid) {
    return store.find(uid).orElseThrow(() -> AccountException.unknown(uid));
  }

  public Optional<Account> lookup(String uid) {
    return store.find(uid);
  }

  /** Whether any user or service account exists. */
  public boolean any() {
    return !store.isEmpty();
  }

  public List<Account> list(boolean services) {
    return store.list(services);
  }

  /**
   * The user with this uid and password; the same refusal for an unknown uid or a wrong password.
   */
  public Account logIn(String uid, String password) {
    Optional<Account> account = store.find(uid).filter(a -> !a.isService());
    String hash = account.map(Account::passwordHash).orElse(unknownUserHash);
    boolean matches = passwords.matches(password, hash);
    if (account.isEmpty() || !matches) {
      throw AccountException.loginFailed();
    }
    return account.get();
  }

  /** The service account whose key signed {@code loginToken} for it. */
  public Account logInService(String uid, String loginToken) {
    Account account =
        store.find(uid).filter(Account::isService).orElseThrow(AccountException::loginFailed);
    if (!loginTokens.verify(loginToken, uid, account.publicKeyPem())) {
      throw AccountException.loginFailed();
    }
    return account;
  }

  private void insert(Account account) {
    if (!store.insert(account)) {
      throw new AccountException(
          409,
          "Conflict",
          "ERR_USER_EXISTS",
          "User with uid `" + account.uid() + "` already exists.");
    }
  }

  private static void checkUid(String uid) {
    if (uid == null || !UID.matcher(uid).matches()) {
      throw AccountException.invalid(
          "Invalid uid: 1-96 letters, digits and @._- , starting and ending with a letter or digit.");
    }
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      throw AccountException.invalid(
          "The password must have at least " + MIN_PASSWORD + " characters.");
    }
  }

  private static String checkPublicKey(String publicKey) {
    try {
      Pem.rsaPublicKey(publicKey);
      return publicKey.strip();
    } catch (IllegalArgumentException e) {
      throw AccountException.invalid(
          "public_key must be an RSA public key in PEM: " + e.getMessage());
    }
  }

  private static String describe(String description) {
    return description == null ? "" : description;
  }
}
