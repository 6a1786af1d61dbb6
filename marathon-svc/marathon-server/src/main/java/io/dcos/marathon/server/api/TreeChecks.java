package io.dcos.marathon.server.api;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.core.validation.GroupValidator;
import io.dcos.marathon.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;

/** Rules a changed tree must keep before it is stored. */
final class TreeChecks {
  private TreeChecks() {}

  /** Fails with 422 when the tree has a dependency cycle or an app where a group is. */
  static void require(RootGroup target) {
    List<Violation> problems = new ArrayList<>(GroupValidator.validateTree(target));
    for (AppDefinition app : target.apps()) {
      if (target.group(app.id()).isPresent()) {
        problems.add(
            new Violation("/id", "Groups and Applications may not have the same identifier."));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
  }
}
