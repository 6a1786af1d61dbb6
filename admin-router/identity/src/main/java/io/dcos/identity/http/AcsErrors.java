package io.dcos.identity.http;

import io.dcos.identity.accounts.AccountException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every refusal in the DC/OS IAM error shape: {@code {"title","description","code"}}. */
@RestControllerAdvice
public class AcsErrors {

  @ExceptionHandler(AccountException.class)
  ResponseEntity<Map<String, String>> refused(AccountException e) {
    return body(e.status(), e.title(), e.getMessage(), e.code());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return body(400, "Bad Request", "The request body is not valid JSON.", "ERR_MALFORMED_REQUEST");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
    return body(
        415, "Unsupported Media Type", "Send the body as application/json.", "ERR_INVALID_DATA");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
    return body(405, "Method Not Allowed", e.getMessage(), "ERR_METHOD_NOT_ALLOWED");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, String>> notFound(NoResourceFoundException e) {
    return body(404, "Not Found", "No such endpoint.", "ERR_NOT_FOUND");
  }

  static ResponseEntity<Map<String, String>> body(
      int status, String title, String description, String code) {
    return ResponseEntity.status(HttpStatus.valueOf(status))
        .body(Map.of("title", title, "description", description, "code", code));
  }
}
