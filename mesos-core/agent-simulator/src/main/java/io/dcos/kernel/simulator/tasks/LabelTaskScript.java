package io.dcos.kernel.simulator.tasks;

import io.dcos.kernel.protocol.Label;
import io.dcos.kernel.protocol.TaskInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a task's behaviour from its labels, so a framework under test scripts its tasks:
 *
 * <ul>
 *   <li>{@code sim.start_ms}: delay before the task reports it started
 *   <li>{@code sim.starting}: {@code false} skips TASK_STARTING
 *   <li>{@code sim.run_ms}: run this long, then exit; without it the task runs until killed
 *   <li>{@code sim.exit}: {@code finish} (TASK_FINISHED, the default) or {@code fail}
 *   <li>{@code sim.vanish}: {@code true} never reports anything and ignores kills
 *   <li>{@code sim.kill_ms}: time between TASK_KILLING and TASK_KILLED
 * </ul>
 *
 * Labels that are absent keep the base behaviour's values; malformed ones throw {@link
 * IllegalArgumentException} naming the label.
 */
public final class LabelTaskScript implements TaskScript {
  public static final String START_MS = "sim.start_ms";
  public static final String STARTING = "sim.starting";
  public static final String RUN_MS = "sim.run_ms";
  public static final String EXIT = "sim.exit";
  public static final String VANISH = "sim.vanish";
  public static final String KILL_MS = "sim.kill_ms";

  private final TaskBehaviour base;

  public LabelTaskScript(TaskBehaviour base) {
    this.base = base;
  }

  @Override
  public TaskBehaviour behaviourOf(TaskInfo task) {
    Map<String, String> labels = new HashMap<>();
    for (Label l : task.getLabels().getLabelsList()) {
      if (l.getKey().startsWith("sim.")) {
        labels.put(l.getKey(), l.getValue().trim());
      }
    }
    TaskBehaviour b = base;
    if (labels.isEmpty()) {
      return b;
    }
    if (labels.containsKey(START_MS)) {
      b = b.withStartDelay(millis(labels, START_MS));
    }
    if (labels.containsKey(STARTING)) {
      b = b.withReportStarting(Boolean.parseBoolean(labels.get(STARTING)));
    }
    TaskBehaviour.Exit exit = b.exit();
    if (labels.containsKey(EXIT)) {
      exit =
          switch (labels.get(EXIT).toLowerCase(Locale.ROOT)) {
            case "finish" -> TaskBehaviour.Exit.FINISH;
            case "fail" -> TaskBehaviour.Exit.FAIL;
            default ->
                throw new IllegalArgumentException(
                    "label " + EXIT + " must be finish or fail, got '" + labels.get(EXIT) + "'");
          };
    }
    if (labels.containsKey(RUN_MS)) {
      b = b.withRunFor(millis(labels, RUN_MS), exit);
    } else if (b.runFor().isPresent()) {
      b = b.withRunFor(b.runFor().get(), exit);
    }
    if (labels.containsKey(VANISH)) {
      b = b.withVanish(Boolean.parseBoolean(labels.get(VANISH)));
    }
    if (labels.containsKey(KILL_MS)) {
      b = b.withKillDelay(millis(labels, KILL_MS));
    }
    return b;
  }

  private static Duration millis(Map<String, String> labels, String key) {
    try {
      long ms = Long.parseLong(labels.get(key));
      if (ms < 0) {
        throw new NumberFormatException("negative");
      }
      return Duration.ofMillis(ms);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "label "
              + key
              + " must be a non-negative number of milliseconds, got '"
              + labels.get(key)
              + "'",
          e);
    }
  }
}
