package io.dcos.kernel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcos.kernel.protocol.Attribute;
import io.dcos.kernel.protocol.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeTextTest {
  @Test
  void parsesTextScalarsAndRanges() {
    List<Attribute> attrs = AttributeText.parse("rack:r1;level:10;span:[1-3]");
    assertThat(attrs)
        .extracting(Attribute::getType)
        .containsExactly(Value.Type.TEXT, Value.Type.SCALAR, Value.Type.RANGES);
    assertThat(attrs).extracting(AttributeText::valueOf).containsExactly("r1", "10", "[1-3]");
    assertThatThrownBy(() -> AttributeText.parse("rack")).hasMessageContaining("name:value");
  }

  @Test
  void nonPartitionAwareFrameworksSeeLostForPartitionStates() {
    assertThat(TaskStates.forFramework(io.dcos.kernel.protocol.TaskState.TASK_UNREACHABLE, false))
        .isEqualTo(io.dcos.kernel.protocol.TaskState.TASK_LOST);
    assertThat(TaskStates.forFramework(io.dcos.kernel.protocol.TaskState.TASK_UNREACHABLE, true))
        .isEqualTo(io.dcos.kernel.protocol.TaskState.TASK_UNREACHABLE);
    assertThat(TaskStates.isTerminal(io.dcos.kernel.protocol.TaskState.TASK_KILLED)).isTrue();
    assertThat(TaskStates.isTerminal(io.dcos.kernel.protocol.TaskState.TASK_UNREACHABLE)).isFalse();
  }
}
