package io.dcos.marathon.server.api;

import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import io.dcos.marathon.server.store.GroupRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** Tasks of apps: listing as Marathon task JSON and kills with optional scale-down and wipe. */
@Service
public class TaskService {
  private final GroupRepository groups;
  private final Orchestration orchestration;

  public TaskService(GroupRepository groups, Orchestration orchestration) {
    this.groups = groups;
    this.orchestration = orchestration;
  }

  /** The live tasks of one app; 404 when the app does not exist. */
  public List<TaskJson> tasksOf(PathId appId) {
    AppDefinition app = groups.root().app(appId).orElseThrow(() -> ApiException.appNotFound(appId));
    return orchestration.instances(appId).stream()
        .filter(i -> !i.condition().terminal())
        .map(i -> TaskJson.of(i, app))
        .toList();
  }

  /** Every live task, optionally only those in {@code status} (running, staging...). */
  public List<TaskJson> all(List<String> status) {
    RootGroup root = groups.root();
    List<TaskJson> out = new ArrayList<>();
    for (Instance i :
        orchestration.scheduler().map(ServiceScheduler::instances).orElse(List.of())) {
      if (i.condition().terminal()) {
        continue;
      }
      String state = i.condition().taskState();
      if (status != null
          && !status.isEmpty()
          && status.stream().noneMatch(s -> state.equalsIgnoreCase("TASK_" + s))) {
        continue;
      }
      out.add(TaskJson.of(i, root.app(i.appId()).orElse(null)));
    }
    return out;
  }

  /** {@code DELETE /v2/apps/{id}/tasks}: kills all (or one host's) tasks of an app. */
  public ResponseEntity<Object> killAppTasks(
      PathId appId, String host, boolean scale, boolean wipe) {
    List<String> ids =
        orchestration.instances(appId).stream()
            .filter(i -> !i.condition().terminal())
            .filter(i -> host == null || host.equals(i.agent().hostname()))
            .map(Instance::taskId)
            .toList();
    return kill(appId, ids, scale, wipe, false);
  }

  /** {@code DELETE /v2/apps/{id}/tasks/{taskId}}: kills one task. */
  public ResponseEntity<Object> killAppTask(
      PathId appId, String taskId, boolean scale, boolean wipe) {
    boolean known =
        orchestration.instances(appId).stream()
            .anyMatch(i -> i.taskId().equals(taskId) || i.id().toString().equals(taskId));
    if (!known) {
      throw ApiException.notFound("Task '" + taskId + "' does not exist");
    }
    return kill(appId, List.of(taskId), scale, wipe, true);
  }

  /** {@code POST /v2/tasks/delete}: kills tasks of any apps. */
  public ResponseEntity<Object> killMany(List<String> taskIds, boolean scale, boolean wipe) {
    Map<PathId, List<String>> byApp = new LinkedHashMap<>();
    for (String id : taskIds) {
      Optional<PathId> app =
          InstanceId.parseTaskId(id)
              .map(r -> r.instanceId().appId())
              .or(() -> InstanceId.parse(id).map(InstanceId::appId));
      if (app.isEmpty()) {
        throw ApiException.of(
            org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid task id '" + id + "'");
      }
      byApp.computeIfAbsent(app.get(), a -> new ArrayList<>()).add(id);
    }
    ServiceScheduler scheduler = orchestration.required();
    List<TaskJson> killed = new ArrayList<>();
    ServiceScheduler.KillResult last = null;
    for (Map.Entry<PathId, List<String>> e : byApp.entrySet()) {
      AppDefinition app = groups.root().app(e.getKey()).orElse(null);
      last = scheduler.kill(e.getKey(), e.getValue(), scale, wipe);
      last.killed().forEach(i -> killed.add(TaskJson.of(i, app)));
    }
    if (scale && last != null && last.deployment().isPresent()) {
      return AppsController.deployed(
          new AppService.Change(last.deployment().get(), List.of(), false));
    }
    return ResponseEntity.ok(Map.of("tasks", killed));
  }

  private ResponseEntity<Object> kill(
      PathId appId, List<String> ids, boolean scale, boolean wipe, boolean single) {
    AppDefinition app = groups.root().app(appId).orElseThrow(() -> ApiException.appNotFound(appId));
    ServiceScheduler.KillResult result = orchestration.required().kill(appId, ids, scale, wipe);
    if (scale && result.deployment().isPresent()) {
      return AppsController.deployed(
          new AppService.Change(result.deployment().get(), List.of(app), false));
    }
    List<TaskJson> killed = result.killed().stream().map(i -> TaskJson.of(i, app)).toList();
    if (single) {
      return killed.isEmpty()
          ? ResponseEntity.ok(Map.of("task", Map.of()))
          : ResponseEntity.ok(Map.of("task", killed.get(0)));
    }
    return ResponseEntity.ok(Map.of("tasks", killed));
  }
}
