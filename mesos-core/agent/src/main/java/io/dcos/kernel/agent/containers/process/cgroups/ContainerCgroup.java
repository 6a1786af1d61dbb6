package io.dcos.kernel.agent.containers.process.cgroups;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The cgroup(s) of one container. A process joins by writing its pid into every file of {@link
 * #procsFiles()}; its children inherit membership, so every process of the task is listed by {@link
 * #pids()} whatever its session or process group.
 */
public interface ContainerCgroup {

  /** {@code v1}, {@code v2} or {@code none}; stored in checkpoints. */
  String version();

  /** The {@code cgroup.procs} files a new task process writes its pid into (empty for none). */
  List<Path> procsFiles();

  /** Processes currently in the cgroup; empty when it does not exist (any more). */
  Set<Long> pids();

  /** Whether the kernel's OOM killer killed a process of this cgroup since it was created. */
  boolean oomKilled();

  /** Removes the cgroup; the processes must be gone. Idempotent. */
  void destroy() throws IOException;
}
