package io.dcos.kernel.agent.health;

import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.HealthCheck;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Builds the checker a task's {@link HealthCheck} asks for. */
public final class HealthCheckers {
  private HealthCheckers() {}

  /**
   * @param container where COMMAND checks run
   * @param host the address HTTP and TCP checks connect to (127.0.0.1 for host networking)
   */
  public static HealthChecker forTask(HealthCheck check, Container container, String host) {
    return switch (check.getType()) {
      case COMMAND -> new CommandHealthChecker(container, shellCommand(check.getCommand()));
      case HTTP -> {
        HealthCheck.HTTPCheckInfo http = check.getHttp();
        String scheme = http.getScheme().isEmpty() ? "http" : http.getScheme();
        String path = http.getPath().isEmpty() ? "/" : http.getPath();
        List<Integer> statuses = new ArrayList<>(http.getStatusesList());
        yield new HttpHealthChecker(
            URI.create(
                scheme
                    + "://"
                    + host
                    + ":"
                    + http.getPort()
                    + (path.startsWith("/") ? "" : "/")
                    + path),
            statuses);
      }
      case TCP -> new TcpHealthChecker(host, check.getTcp().getPort());
      default ->
          throw new IllegalArgumentException(
              "health check type " + check.getType() + " is not supported");
    };
  }

  /** The command as one shell string: the value itself, or the quoted argv when shell=false. */
  static String shellCommand(CommandInfo command) {
    if (!command.hasShell() || command.getShell()) {
      return command.getValue();
    }
    List<String> words = new ArrayList<>();
    words.add(command.getValue());
    if (command.getArgumentsCount() > 1) {
      words.addAll(command.getArgumentsList().subList(1, command.getArgumentsCount()));
    }
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append('\'').append(word.replace("'", "'\\''")).append('\'');
    }
    return out.toString();
  }
}
