package io.dcos.kernel.agent.health;

import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.agent.containers.ContainerException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A COMMAND check: the shell command, run in the task's container, exits with 0. */
public final class CommandHealthChecker implements HealthChecker {
  private static final Logger LOG = LoggerFactory.getLogger(CommandHealthChecker.class);

  private final Container container;
  private final String shellCommand;

  public CommandHealthChecker(Container container, String shellCommand) {
    this.container = container;
    this.shellCommand = shellCommand;
  }

  @Override
  public boolean check(Duration timeout) {
    try {
      return container.exec(shellCommand, timeout) == 0;
    } catch (ContainerException e) {
      LOG.debug("command health check of {} failed: {}", container.containerId(), e.getMessage());
      return false;
    }
  }
}
