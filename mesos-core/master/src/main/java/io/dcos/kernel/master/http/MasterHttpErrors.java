package io.dcos.kernel.master.http;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures of the master's endpoints into one-line text answers, never a stack trace: 400 for
 * a wrong query parameter or request body, 503 when the master's state cannot be read in time.
 */
@RestControllerAdvice(
    assignableTypes = {
      MasterStateController.class,
      MasterRedirectController.class,
      MetricsController.class,
      RoleSettingsController.class
    })
public class MasterHttpErrors {
  @ExceptionHandler(InvalidQueryException.class)
  public ResponseEntity<String> badQuery(InvalidQueryException e) {
    return text(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(InvalidRequestException.class)
  public ResponseEntity<String> badRequest(InvalidRequestException e) {
    return text(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(IllegalStateException.class)
  public ResponseEntity<String> unreadable(IllegalStateException e) {
    return text(
        HttpStatus.SERVICE_UNAVAILABLE, "cannot read the master's state: " + e.getMessage());
  }

  private static ResponseEntity<String> text(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
  }
}
