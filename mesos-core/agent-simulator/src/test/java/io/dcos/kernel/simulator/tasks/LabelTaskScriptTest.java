package io.dcos.kernel.simulator.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcos.kernel.protocol.Label;
import io.dcos.kernel.protocol.Labels;
import io.dcos.kernel.protocol.TaskInfo;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelTaskScriptTest {
  private static TaskInfo task(String... kv) {
    Labels.Builder l = Labels.newBuilder();
    for (int i = 0; i < kv.length; i += 2) {
      l.addLabels(Label.newBuilder().setKey(kv[i]).setValue(kv[i + 1]));
    }
    return TaskInfo.newBuilder().setLabels(l).build();
  }

  private final TaskScript script = TaskScript.fromLabels();

  @Test
  void unlabelledTasksRunUntilKilled() {
    assertThat(script.behaviourOf(task("app", "web"))).isEqualTo(TaskBehaviour.runUntilKilled());
  }

  @Test
  void labelsScriptTheTask() {
    TaskBehaviour b =
        script.behaviourOf(
            task(
                "sim.start_ms", "5",
                "sim.starting", "false",
                "sim.run_ms", "100",
                "sim.exit", "FAIL",
                "sim.kill_ms", "7"));
    assertThat(b.startDelay()).isEqualTo(Duration.ofMillis(5));
    assertThat(b.reportStarting()).isFalse();
    assertThat(b.runFor()).isEqualTo(Optional.of(Duration.ofMillis(100)));
    assertThat(b.exit()).isEqualTo(TaskBehaviour.Exit.FAIL);
    assertThat(b.killDelay()).isEqualTo(Duration.ofMillis(7));
    assertThat(b.vanish()).isFalse();
    assertThat(script.behaviourOf(task("sim.vanish", "true")).vanish()).isTrue();
  }

  @Test
  void exitAppliesToTheBaseRunTime() {
    TaskScript base = new LabelTaskScript(TaskBehaviour.finishAfter(Duration.ofSeconds(1)));
    TaskBehaviour b = base.behaviourOf(task("sim.exit", "fail"));
    assertThat(b.runFor()).contains(Duration.ofSeconds(1));
    assertThat(b.exit()).isEqualTo(TaskBehaviour.Exit.FAIL);
  }

  @Test
  void malformedLabelsNameTheLabel() {
    assertThatThrownBy(() -> script.behaviourOf(task("sim.run_ms", "-3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sim.run_ms");
    assertThatThrownBy(() -> script.behaviourOf(task("sim.exit", "explode")))
        .hasMessageContaining("finish or fail");
  }
}
