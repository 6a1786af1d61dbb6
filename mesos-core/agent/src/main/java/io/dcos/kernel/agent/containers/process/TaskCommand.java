package io.dcos.kernel.agent.containers.process;

import io.dcos.kernel.agent.containers.ContainerException;
import io.dcos.kernel.protocol.CommandInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The argv a {@link CommandInfo} runs as, with Mesos's rules: {@code shell} (the default) runs
 * {@code /bin/sh -c value}; otherwise {@code value} is the executable and {@code arguments} its
 * argv, where, as with {@code execvp(value, arguments)}, {@code arguments[0]} is the program's own
 * name (a POSIX shell cannot set argv[0], so it is not passed on).
 */
public final class TaskCommand {
  private TaskCommand() {}

  public static List<String> argv(CommandInfo command) throws ContainerException {
    if (command.getValue().isEmpty()) {
      throw new ContainerException("the task's command has no value to run");
    }
    boolean shell = !command.hasShell() || command.getShell();
    if (shell) {
      return List.of("/bin/sh", "-c", command.getValue());
    }
    List<String> argv = new ArrayList<>();
    argv.add(command.getValue());
    if (command.getArgumentsCount() > 1) {
      argv.addAll(command.getArgumentsList().subList(1, command.getArgumentsCount()));
    }
    return List.copyOf(argv);
  }
}
