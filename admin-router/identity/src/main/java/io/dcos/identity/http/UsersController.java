package io.dcos.identity.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dcos.identity.accounts.Account;
import io.dcos.identity.accounts.AccountException;
import io.dcos.identity.accounts.AccountService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account management for administrators, as the DC/OS IAM API: users ({@code password}) and service
 * accounts ({@code public_key}) under {@code /acs/api/v1/users}.
 */
@RestController
@RequestMapping("/acs/api/v1/users")
public class UsersController {
  private final AccountService accounts;
  private final Caller caller;

  public UsersController(AccountService accounts, Caller caller) {
    this.accounts = accounts;
    this.caller = caller;
  }

  /** Body of PUT and PATCH; a user has a password, a service account a public key. */
  public record AccountRequest(
      String description,
      String password,
      @JsonProperty("public_key") String publicKey,
      Boolean superuser) {}

  /** An account as listed; never its credentials. */
  public record AccountView(
      String uid,
      String description,
      String url,
      @JsonProperty("is_remote") boolean remote,
      @JsonProperty("is_service") boolean service,
      boolean superuser,
      @JsonProperty("provider_type") String providerType,
      @JsonProperty("public_key") String publicKey) {

    static AccountView of(Account a) {
      return new AccountView(
          a.uid(),
          a.description(),
          "/acs/api/v1/users/" + a.uid(),
          false,
          a.isService(),
          a.superuser(),
          "internal",
          a.publicKeyPem());
    }
  }

  @GetMapping
  public Map<String, List<AccountView>> list(
      HttpServletRequest request, @RequestParam(defaultValue = "user") String type) {
    caller.requireSuperuser(request);
    if (!type.equals("user") && !type.equals("service")) {
      throw AccountException.invalid("type must be user or service.");
    }
    return Map.of(
        "array", accounts.list(type.equals("service")).stream().map(AccountView::of).toList());
  }

  @GetMapping("/{uid}")
  public AccountView get(HttpServletRequest request, @PathVariable String uid) {
    Account self = caller.require(request);
    if (!self.superuser() && !self.uid().equals(uid)) {
      caller.requireSuperuser(request);
    }
    return AccountView.of(accounts.find(uid));
  }

  @PutMapping(value = "/{uid}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public void create(
      HttpServletRequest request, @PathVariable String uid, @RequestBody AccountRequest body) {
    caller.requireSuperuser(request);
    if ((body.password() == null) == (body.publicKey() == null)) {
      throw AccountException.invalid(
          "Send password for a user or public_key for a service account, not both.");
    }
    if (body.password() != null) {
      accounts.createUser(
          uid, body.password(), body.description(), Boolean.TRUE.equals(body.superuser()));
    } else {
      if (Boolean.TRUE.equals(body.superuser())) {
        throw AccountException.invalid("A service account cannot be an administrator.");
      }
      accounts.createServiceAccount(uid, body.publicKey(), body.description());
    }
  }

  @PatchMapping(value = "/{uid}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void update(
      HttpServletRequest request, @PathVariable String uid, @RequestBody AccountRequest body) {
    Account self = caller.require(request);
    // Anyone may change their own password or description; everything else needs an administrator.
    if (!self.uid().equals(uid) || body.publicKey() != null) {
      caller.requireSuperuser(request);
    }
    if (body.superuser() != null) {
      throw AccountException.invalid("superuser is set when an account is created.");
    }
    accounts.update(uid, body.password(), body.publicKey(), body.description());
  }

  @DeleteMapping("/{uid}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(HttpServletRequest request, @PathVariable String uid) {
    Account self = caller.requireSuperuser(request);
    if (self.uid().equals(uid)) {
      throw AccountException.invalid("An administrator cannot delete their own account.");
    }
    accounts.delete(uid);
  }
}
