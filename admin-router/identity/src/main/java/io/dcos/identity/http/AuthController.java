package io.dcos.identity.http;

import io.dcos.identity.accounts.Account;
import io.dcos.identity.accounts.AccountException;
import io.dcos.identity.accounts.AccountService;
import io.dcos.identity.tokens.TokenIssuer;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login ({@code POST /acs/api/v1/auth/login}: a user's uid and password, or a service account's uid
 * and signed login token) and the public key that checks the tokens it returns.
 */
@RestController
@RequestMapping("/acs/api/v1/auth")
public class AuthController {
  private final AccountService accounts;
  private final TokenIssuer tokens;

  public AuthController(AccountService accounts, TokenIssuer tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  /** Login body: {@code password} for users, {@code token} for service accounts. */
  public record LoginRequest(String uid, String password, String token) {}

  @PostMapping(value = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> login(@RequestBody LoginRequest body) {
    if (body == null || body.uid() == null || (body.password() == null) == (body.token() == null)) {
      throw AccountException.invalid("Send uid with either password or token.");
    }
    Account account =
        body.password() != null
            ? accounts.logIn(body.uid(), body.password())
            : accounts.logInService(body.uid(), body.token());
    TokenIssuer.IssuedToken issued = tokens.issue(account.uid());
    ResponseCookie cookie =
        ResponseCookie.from(Caller.COOKIE, issued.token())
            .httpOnly(true)
            .path("/")
            .sameSite("Strict")
            .maxAge(Duration.between(issued.issued(), issued.expires()))
            .build();
    return ResponseEntity.ok()
        .header(HttpHeaders.SET_COOKIE, cookie.toString())
        .body(Map.of("token", issued.token()));
  }

  @GetMapping("/jwks")
  public Map<String, Object> jwks() {
    return tokens.jwks();
  }

  @GetMapping(value = "/public-key.pem", produces = "application/x-pem-file")
  public String publicKey() {
    return tokens.publicKeyPem();
  }
}
