package io.dcos.jobs.api.chronos;

import io.dcos.jobs.api.ValidationFailed;
import io.dcos.jobs.engine.JobEngineExceptions;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Chronos's error shape: {@code {"message": ..., "status": <code>}}. */
@RestControllerAdvice(assignableTypes = ChronosController.class)
public class ChronosErrors {
  static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("message", message, "status", status.value()));
  }

  @ExceptionHandler(ValidationFailed.class)
  ResponseEntity<Map<String, Object>> invalid(ValidationFailed e) {
    StringBuilder m = new StringBuilder();
    e.details()
        .forEach(
            (field, errors) -> {
              for (String err : errors) {
                if (m.length() > 0) {
                  m.append("; ");
                }
                m.append(err);
              }
            });
    return error(HttpStatus.BAD_REQUEST, m.toString());
  }

  @ExceptionHandler(JobEngineExceptions.Invalid.class)
  ResponseEntity<Map<String, Object>> invalid(JobEngineExceptions.Invalid e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, "the request body is not a valid job JSON document");
  }

  @ExceptionHandler({JobEngineExceptions.JobNotFound.class, JobEngineExceptions.RunNotFound.class})
  ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(JobEngineExceptions.Conflict.class)
  ResponseEntity<Map<String, Object>> conflict(RuntimeException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(JobEngineExceptions.NotLeader.class)
  ResponseEntity<Map<String, Object>> notLeader(RuntimeException e) {
    return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }
}
