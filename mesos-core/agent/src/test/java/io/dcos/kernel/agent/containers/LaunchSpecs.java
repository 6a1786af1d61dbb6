package io.dcos.kernel.agent.containers;

import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.ContainerInfo;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Builds launch specs for tests. */
public final class LaunchSpecs {
  private LaunchSpecs() {}

  public static LaunchSpec shell(Path sandbox, String command) {
    return shell(sandbox, command, Map.of("PATH", "/usr/bin:/bin"), Resources.EMPTY);
  }

  public static LaunchSpec shell(
      Path sandbox, String command, Map<String, String> env, Resources limits) {
    return spec(sandbox, CommandInfo.newBuilder().setValue(command).build(), null, env, limits);
  }

  public static LaunchSpec spec(
      Path sandbox,
      CommandInfo command,
      ContainerInfo container,
      Map<String, String> env,
      Resources limits) {
    String id = UUID.randomUUID().toString();
    TaskInfo.Builder task =
        TaskInfo.newBuilder()
            .setName("test")
            .setTaskId(TaskID.newBuilder().setValue("task-" + id))
            .setCommand(command);
    if (container != null) {
      task.setContainer(container);
    }
    return new LaunchSpec(id, "framework-1", task.build(), sandbox, env, limits);
  }
}
