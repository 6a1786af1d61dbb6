package io.dcos.kernel.agent.containers.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads process facts from {@code /proc}. */
final class ProcFs {
  private final Path proc;

  ProcFs(Path proc) {
    this.proc = proc;
  }

  Optional<ProcStat> stat(long pid) {
    try {
      return ProcStat.parse(Files.readString(proc.resolve(Long.toString(pid)).resolve("stat")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code pid} is still the process that started at {@code startTime} and runs. */
  boolean isAlive(long pid, long startTime) {
    return stat(pid).filter(s -> s.startTime() == startTime && s.running()).isPresent();
  }

  /** Running processes whose session is {@code session}. */
  List<Long> sessionMembers(long session) {
    List<Long> members = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        stat(Long.parseLong(name))
            .filter(s -> s.session() == session && s.running())
            .ifPresent(s -> members.add(s.pid()));
      }
    } catch (IOException e) {
      return members;
    }
    return members;
  }
}
