package io.dcos.kernel.master.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mesos's read endpoints of the master's state, under {@code /master/...} and the bare aliases
 * Mesos also serves. Answered by the leader; standbys redirect (see {@link LeadingMaster}).
 */
@RestController
public class MasterStateController {
  private final LeadingMaster master;

  public MasterStateController(LeadingMaster master) {
    this.master = master;
  }

  @GetMapping({"/master/state", "/master/state.json", "/state", "/state.json"})
  public ResponseEntity<?> state(HttpServletRequest request) {
    return master.answer(request, view -> new StateJson(view).state(master.startTime()));
  }

  @GetMapping({"/master/state-summary", "/state-summary"})
  public ResponseEntity<?> stateSummary(HttpServletRequest request) {
    return master.answer(request, view -> new StateJson(view).summary());
  }

  @GetMapping({"/master/slaves", "/slaves"})
  public ResponseEntity<?> slaves(HttpServletRequest request) {
    return master.answer(request, view -> new StateJson(view).slaves());
  }

  @GetMapping({"/master/frameworks", "/master/frameworks.json", "/frameworks"})
  public ResponseEntity<?> frameworks(HttpServletRequest request) {
    return master.answer(request, view -> new StateJson(view).frameworksDocument());
  }

  @GetMapping({"/master/tasks", "/master/tasks.json", "/tasks", "/tasks.json"})
  public ResponseEntity<?> tasks(
      HttpServletRequest request,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset,
      @RequestParam(required = false) String order,
      @RequestParam(name = "framework_id", required = false) String frameworkId,
      @RequestParam(name = "task_id", required = false) String taskId) {
    TaskQuery query = TaskQuery.parse(limit, offset, order, frameworkId, taskId);
    return master.answer(request, query::select);
  }

  @GetMapping({"/master/roles", "/master/roles.json", "/roles", "/roles.json"})
  public ResponseEntity<?> roles(HttpServletRequest request) {
    return master.answer(request, RolesJson::of);
  }
}
