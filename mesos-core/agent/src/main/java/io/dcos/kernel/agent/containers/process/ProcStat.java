package io.dcos.kernel.agent.containers.process;

import java.util.Optional;

/**
 * The fields of {@code /proc/<pid>/stat} the containerizer needs. The start time (clock ticks after
 * boot) is what tells a live task from an unrelated process that reused its pid.
 */
public record ProcStat(
    long pid, char state, long ppid, long processGroup, long session, long startTime) {

  /** Parses the stat line; the command name may contain spaces and parentheses. */
  public static Optional<ProcStat> parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      return Optional.empty();
    }
    String[] rest = line.substring(close + 2).trim().split(" ");
    if (rest.length < 20) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ProcStat(
              Long.parseLong(line.substring(0, open).trim()),
              rest[0].charAt(0),
              Long.parseLong(rest[1]),
              Long.parseLong(rest[2]),
              Long.parseLong(rest[3]),
              Long.parseLong(rest[19])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Zombies ('Z') and dead entries ('X') have ended: only their parent has not reaped them yet. */
  public boolean running() {
    return state != 'Z' && state != 'X';
  }
}
