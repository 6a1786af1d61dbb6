package io.dcos.marathon.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure into Marathon's error JSON; never a stack trace. */
@RestControllerAdvice
public class ApiErrorHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> api(ApiException e) {
    return json(e.status(), e.body());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
    return json(e.getMostSpecificCause());
  }

  /** A body that is not JSON is a 400; JSON of the wrong shape a 422 naming the field. */
  static ResponseEntity<Object> json(Throwable cause) {
    if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String path = path(m.getPath());
      return json(
          HttpStatus.UNPROCESSABLE_ENTITY,
          new ErrorBodies.WithDetails(
              "Object is not valid", List.of(new ErrorBodies.Detail(path, List.of(expected(m))))));
    }
    String detail =
        cause instanceof JsonProcessingException j ? j.getOriginalMessage() : "no valid JSON body";
    return json(
        HttpStatus.BAD_REQUEST,
        new ErrorBodies.WithDetails(
            "Invalid JSON", List.of(new ErrorBodies.Detail("/", List.of(String.valueOf(detail))))));
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        out.append('/').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('(').append(r.getIndex()).append(')');
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  private static String expected(MismatchedInputException m) {
    Class<?> type = m.getTargetType();
    if (type == null) {
      return "error.expected.jsvalue";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "error.expected.jsnumber";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "error.expected.jsboolean";
    }
    if (type == String.class) {
      return "error.expected.jsstring";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "error.expected.jsarray";
    }
    return "error.expected.jsobject";
  }

  @ExceptionHandler(ServiceScheduler.NotLeaderException.class)
  ResponseEntity<Object> notLeader(ServiceScheduler.NotLeaderException e) {
    return json(HttpStatus.SERVICE_UNAVAILABLE, new ErrorBodies.Message("Not the leader"));
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class
  })
  ResponseEntity<Object> badParameter(Exception e) {
    return json(HttpStatus.BAD_REQUEST, new ErrorBodies.Message(e.getMessage()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e) {
    return json(HttpStatus.METHOD_NOT_ALLOWED, new ErrorBodies.Message(e.getMessage()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e) {
    return json(HttpStatus.UNSUPPORTED_MEDIA_TYPE, new ErrorBodies.Message(e.getMessage()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Object> noResource(NoResourceFoundException e) {
    return json(
        HttpStatus.NOT_FOUND, new ErrorBodies.Message("Not found: /" + e.getResourcePath()));
  }

  /** A client that went away (an event stream closed): nothing to answer. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void gone(AsyncRequestNotUsableException e) {
    log.debug("client disconnected: {}", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    log.error("request failed", e);
    return json(
        HttpStatus.INTERNAL_SERVER_ERROR,
        new ErrorBodies.Message("Internal error: " + e.getClass().getSimpleName()));
  }

  private static ResponseEntity<Object> json(HttpStatus status, Object body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
