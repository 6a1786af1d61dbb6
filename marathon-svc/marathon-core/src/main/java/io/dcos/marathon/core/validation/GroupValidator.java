package io.dcos.marathon.core.validation;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.Group;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a group subtree (as sent to {@code /v2/groups}) and a whole tree. Paths follow the JSON of
 * the request: {@code /apps(0)/cmd}, {@code /groups(1)/apps(0)/id}.
 */
public final class GroupValidator {
  private GroupValidator() {}

  /** Every violation in {@code group} and below, with request-relative paths. */
  public static List<Violation> validate(Group group) {
    Violations v = new Violations();
    if (!group.id().isRoot()) {
      AppValidator.validateId(group.id(), "/id", v);
    }
    int i = 0;
    for (AppDefinition app : group.apps().values()) {
      String prefix = "/apps(" + i++ + ")";
      v.addAll(AppValidator.validate(app), prefix);
      if (group.groups().containsKey(app.id())) {
        v.add(prefix + "/id", "Groups and Applications may not have the same identifier.");
      }
    }
    i = 0;
    for (Group child : group.groups().values()) {
      v.addAll(validate(child), "/groups(" + i++ + ")");
    }
    return v.list();
  }

  /** Rules of the whole tree: no dependency cycle. */
  public static List<Violation> validateTree(RootGroup root) {
    List<Violation> out = new ArrayList<>();
    Optional<List<PathId>> cycle = root.dependencyCycle();
    cycle.ifPresent(
        c -> out.add(new Violation("/", "Dependency graph has cyclic dependencies: " + c)));
    return out;
  }
}
