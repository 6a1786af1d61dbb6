package io.dcos.marathon.server.api;

import io.dcos.marathon.core.validation.Violation;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A request that cannot be served, with Marathon's status code and error body. */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final transient Object body;

  public ApiException(HttpStatus status, Object body, String message) {
    super(message);
    this.status = status;
    this.body = body;
  }

  public HttpStatus status() {
    return status;
  }

  public Object body() {
    return body;
  }

  /** {@code {"message": ...}} with {@code status}. */
  public static ApiException of(HttpStatus status, String message) {
    return new ApiException(status, new ErrorBodies.Message(message), message);
  }

  public static ApiException notFound(String message) {
    return of(HttpStatus.NOT_FOUND, message);
  }

  public static ApiException appNotFound(Object appId) {
    return notFound("App '" + appId + "' does not exist");
  }

  /** 422 with every violation grouped by path. */
  public static ApiException invalid(List<Violation> violations) {
    return new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY, ErrorBodies.invalid(violations), "Object is not valid");
  }

  /** 409 naming the deployments that hold the apps. */
  public static ApiException locked(List<String> deploymentIds) {
    return new ApiException(
        HttpStatus.CONFLICT, ErrorBodies.locked(deploymentIds), "locked by deployments");
  }
}
