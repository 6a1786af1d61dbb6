package io.dcos.marathon.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Reads request bodies into DTOs with Marathon's 400/422 answers for bad JSON. */
@Component
public class JsonBodies {
  private final ObjectMapper mapper;

  public JsonBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** {@code body} as {@code type}, or an {@link ApiException} naming the offending field. */
  public <T> T read(JsonNode body, Class<T> type) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      throw ApiException.of(org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid JSON");
    }
    try {
      return mapper.treeToValue(body, type);
    } catch (JsonProcessingException e) {
      ResponseEntity<Object> answer = ApiErrorHandler.json(e);
      throw new ApiException(
          org.springframework.http.HttpStatus.valueOf(answer.getStatusCode().value()),
          answer.getBody(),
          e.getOriginalMessage());
    }
  }

  public ObjectMapper mapper() {
    return mapper;
  }
}
