package io.dcos.kernel.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.kernel.agent.containers.Termination;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.Environment;
import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskEnvironmentTest {
  @Test
  void portsFollowTheOrderTheTaskListedThemAndTaskVariablesWin() {
    TaskInfo task =
        TaskInfo.newBuilder()
            .setTaskId(TaskID.newBuilder().setValue("web.1"))
            .addResources(
                Resource.newBuilder()
                    .setName("ports")
                    .setType(Value.Type.RANGES)
                    .setRanges(
                        Value.Ranges.newBuilder()
                            .addRange(Value.Range.newBuilder().setBegin(31500).setEnd(31500))
                            .addRange(Value.Range.newBuilder().setBegin(31002).setEnd(31003))))
            .setCommand(
                CommandInfo.newBuilder()
                    .setEnvironment(
                        Environment.newBuilder()
                            .addVariables(
                                Environment.Variable.newBuilder()
                                    .setName("HOST")
                                    .setValue("mine"))))
            .build();
    Map<String, String> env =
        TaskEnvironment.build(task, "fw", "agent-1", "c-1", "web.1", "/sandbox", "127.0.2.1");
    assertThat(env)
        .containsEntry("PORT0", "31500")
        .containsEntry("PORT1", "31002")
        .containsEntry("PORT2", "31003")
        .containsEntry("PORT", "31500")
        .containsEntry("PORTS", "31500,31002,31003")
        .containsEntry("MESOS_TASK_ID", "web.1")
        .containsEntry("MESOS_SANDBOX", "/sandbox")
        .containsEntry("MESOS_AGENT_ID", "agent-1")
        .containsEntry("HOST", "mine");
  }

  @Test
  void containerEndingsMapOntoMesosStatesAndReasons() {
    assertThat(
            TerminationStatus.of(new Termination(0, Termination.Reason.EXITED, ""), false, null)
                .state())
        .isEqualTo(TaskState.TASK_FINISHED);
    TerminationStatus failed =
        TerminationStatus.of(new Termination(3, Termination.Reason.EXITED, ""), false, null);
    assertThat(failed.state()).isEqualTo(TaskState.TASK_FAILED);
    assertThat(failed.message()).contains("exited with status 3");
    assertThat(
            TerminationStatus.of(new Termination(137, Termination.Reason.KILLED, ""), true, null)
                .state())
        .isEqualTo(TaskState.TASK_KILLED);
    assertThat(
            TerminationStatus.of(
                    new Termination(137, Termination.Reason.MEMORY_LIMIT, ""), false, null)
                .reason())
        .isEqualTo(TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY);
    assertThat(
            TerminationStatus.of(new Termination(null, Termination.Reason.LOST, ""), false, null)
                .reason())
        .isEqualTo(TaskStatus.Reason.REASON_EXECUTOR_TERMINATED);
  }
}
