package io.dcos.identity.accounts;

/**
 * A refused account operation, carrying the DC/OS error code and HTTP status that the API answers
 * with. Nothing has changed when it is thrown.
 */
public class AccountException extends RuntimeException {
  private final int status;
  private final String title;
  private final String code;

  public AccountException(int status, String title, String code, String description) {
    super(description);
    this.status = status;
    this.title = title;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String code() {
    return code;
  }

  public static AccountException invalid(String description) {
    return new AccountException(400, "Bad Request", "ERR_INVALID_DATA", description);
  }

  public static AccountException unknown(String uid) {
    return new AccountException(
        404, "Not Found", "ERR_UNKNOWN_USER_ID", "User with uid `" + uid + "` not known.");
  }

  public static AccountException loginFailed() {
    return new AccountException(
        401,
        "Unauthorized",
        "ERR_INVALID_CREDENTIALS",
        "The credentials were not accepted. Please try again.");
  }
}
