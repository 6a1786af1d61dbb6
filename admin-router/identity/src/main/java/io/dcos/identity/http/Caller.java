package io.dcos.identity.http;

import io.dcos.identity.accounts.Account;
import io.dcos.identity.accounts.AccountException;
import io.dcos.identity.accounts.AccountService;
import io.dcos.identity.tokens.TokenIssuer;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who calls: the account named by the request's token, read as the router reads it ({@code
 * Authorization: token=...}, {@code Bearer ...}, or the {@code dcos-acs-auth-cookie} cookie). The
 * service checks tokens itself, so it stays safe when reached without the router.
 */
@Component
public class Caller {
  static final String COOKIE = "dcos-acs-auth-cookie";

  private final TokenIssuer tokens;
  private final AccountService accounts;

  public Caller(TokenIssuer tokens, AccountService accounts) {
    this.tokens = tokens;
    this.accounts = accounts;
  }

  /** The calling account, which must be an administrator. */
  public Account requireSuperuser(HttpServletRequest request) {
    Account caller = require(request);
    if (!caller.superuser()) {
      throw new AccountException(
          403, "Forbidden", "ERR_FORBIDDEN", "Managing accounts needs an administrator.");
    }
    return caller;
  }

  /** The calling account, which must present a valid token of a known account. */
  public Account require(HttpServletRequest request) {
    String token =
        token(request)
            .orElseThrow(
                () ->
                    new AccountException(
                        401, "Unauthorized", "ERR_MISSING_AUTH_TOKEN", "No authentication token."));
    return tokens
        .verify(token)
        .flatMap(accounts::lookup)
        .orElseThrow(
            () ->
                new AccountException(
                    401,
                    "Unauthorized",
                    "ERR_INVALID_AUTH_TOKEN",
                    "The authentication token is invalid or expired."));
  }

  static Optional<String> token(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null) {
      if (header.startsWith("token=")) {
        return Optional.of(header.substring("token=".length()).strip());
      }
      if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return Optional.of(header.substring(7).strip());
      }
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (COOKIE.equals(c.getName()) && !c.getValue().isBlank()) {
          return Optional.of(c.getValue());
        }
      }
    }
    return Optional.empty();
  }
}
