package io.dcos.kernel.agent.containers.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The per-container directory (outside the sandbox, under the containerizer's run root) where the
 * task wrapper records the exit status. It survives agent restarts so a task that ended while the
 * agent was down still reports how it ended.
 */
record RunDirectory(Path path) {

  Path exitStatusFile() {
    return path.resolve("exit_status");
  }

  /** Creates the directory for a new launch, dropping a status left by an earlier container. */
  void prepare() throws IOException {
    Files.createDirectories(path);
    Files.deleteIfExists(exitStatusFile());
  }

  /** The recorded exit status, once the wrapper has written it. */
  Optional<Integer> exitStatus() {
    try {
      String text = Files.readString(exitStatusFile()).trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(text));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  void delete() throws IOException {
    Files.deleteIfExists(exitStatusFile());
    Files.deleteIfExists(path);
  }
}
