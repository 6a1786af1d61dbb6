package io.dcos.marathon.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v2/tasks}: every task, and bulk kills. */
@RestController
public class TasksController {
  private final TaskService tasks;

  public TasksController(TaskService tasks) {
    this.tasks = tasks;
  }

  @GetMapping("/v2/tasks")
  Map<String, Object> list(@RequestParam(required = false) List<String> status) {
    return Map.of("tasks", tasks.all(status));
  }

  @PostMapping("/v2/tasks/delete")
  ResponseEntity<Object> delete(
      @RequestBody JsonNode body,
      @RequestParam(defaultValue = "false") boolean scale,
      @RequestParam(defaultValue = "false") boolean wipe) {
    JsonNode ids = body == null ? null : body.get("ids");
    if (ids == null || !ids.isArray()) {
      throw new ApiException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          ErrorBodies.invalid(
              List.of(
                  new io.dcos.marathon.core.validation.Violation("/ids", "error.path.missing"))),
          "ids missing");
    }
    List<String> list = new ArrayList<>();
    ids.forEach(n -> list.add(n.asText()));
    return tasks.killMany(list, scale, wipe);
  }
}
