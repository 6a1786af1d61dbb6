package io.dcos.jobs.api.metronome;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.dcos.jobs.api.ValidationFailed;
import io.dcos.jobs.engine.JobEngineExceptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Metronome's error shapes: 422 {@code {"message":"Object is not valid","details":[{"path",
 * "errors"}]}}, 404 and 409 {@code {"message"}}, 503 while no leader can act.
 */
@RestControllerAdvice(assignableTypes = MetronomeController.class)
public class MetronomeErrors {
  @ExceptionHandler(ValidationFailed.class)
  ResponseEntity<Map<String, Object>> invalid(ValidationFailed e) {
    List<Map<String, Object>> details = new ArrayList<>();
    e.details().forEach((path, errors) -> details.add(Map.of("path", path, "errors", errors)));
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(Map.of("message", "Object is not valid", "details", details));
  }

  @ExceptionHandler(JobEngineExceptions.Invalid.class)
  ResponseEntity<Map<String, Object>> invalid(JobEngineExceptions.Invalid e) {
    return invalid(ValidationFailed.at(e.path(), e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference r : m.getPath()) {
        path.append('/').append(r.getFieldName() != null ? r.getFieldName() : r.getIndex());
      }
      return invalid(ValidationFailed.at(path.toString(), "error.expected.valid type"));
    }
    return ResponseEntity.badRequest().body(Map.of("message", "Invalid JSON"));
  }

  @ExceptionHandler({
    JobEngineExceptions.JobNotFound.class,
    JobEngineExceptions.RunNotFound.class,
    JobEngineExceptions.ScheduleNotFound.class
  })
  ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(JobEngineExceptions.Conflict.class)
  ResponseEntity<Map<String, Object>> conflict(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(JobEngineExceptions.NotLeader.class)
  ResponseEntity<Map<String, Object>> notLeader(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(Map.of("message", e.getMessage()));
  }
}
