package io.dcos.kernel.agent.containers.process;

import io.dcos.kernel.agent.containers.process.cgroups.Cgroups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the process containerizer.
 *
 * @param runRoot where per-container run directories (exit status files) live; must survive agent
 *     restarts, for example {@code <work_dir>/containers}
 * @param cgroups the isolation to apply, see {@link
 *     io.dcos.kernel.agent.containers.process.cgroups.CgroupsDetector}
 * @param cfsQuota whether a CPU hard cap (CFS quota) is set in addition to shares
 * @param pollInterval how often the liveness of tasks is checked (a child's exit is noticed at
 *     once)
 * @param setsid the {@code setsid} program that puts the task in its own session
 * @param shell the POSIX shell running the wrapper, shell commands and exec'd checks
 */
public record ProcessContainerizerConfig(
    Path runRoot,
    Cgroups cgroups,
    boolean cfsQuota,
    Duration pollInterval,
    Path setsid,
    Path shell) {

  public static ProcessContainerizerConfig defaults(Path runRoot, Cgroups cgroups) {
    return new ProcessContainerizerConfig(
        runRoot, cgroups, true, Duration.ofMillis(250), findSetsid(), Path.of("/bin/sh"));
  }

  public ProcessContainerizerConfig withPollInterval(Duration interval) {
    return new ProcessContainerizerConfig(runRoot, cgroups, cfsQuota, interval, setsid, shell);
  }

  private static Path findSetsid() {
    for (Path candidate : List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"))) {
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return Path.of("setsid");
  }
}
