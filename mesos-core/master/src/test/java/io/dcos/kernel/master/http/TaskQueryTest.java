package io.dcos.kernel.master.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.kernel.master.core.ClusterFixture;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.protocol.TaskState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paging, ordering and filtering of /master/tasks, and its parameter errors. */
class TaskQueryTest {

  private static ClusterFixture cluster() {
    FrameworkRecord f1 = SampleCluster.framework("f1", "a", "*", true);
    FrameworkRecord f2 = SampleCluster.framework("f2", "b", "*", true);
    SampleCluster.task(f1, "a1", "t1", "cpus:1", 10, TaskState.TASK_RUNNING);
    SampleCluster.task(f1, "a1", "t3", "cpus:1", 30, TaskState.TASK_RUNNING);
    SampleCluster.task(f2, "a1", "t2", "cpus:1", 20, TaskState.TASK_RUNNING);
    SampleCluster.task(f2, "a1", "t4", "cpus:1", 40, TaskState.TASK_STAGING);
    return new ClusterFixture(SampleCluster.MASTER, SampleCluster.ELECTED, SampleCluster.NOW)
        .framework(f1)
        .framework(f2);
  }

  private static List<String> ids(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.path("tasks").forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  @Test
  void newestFirstByDefault() {
    JsonNode tasks = TaskQuery.parse(null, null, null, null, null).select(cluster().view());
    assertThat(ids(tasks)).containsExactly("t4", "t3", "t2", "t1");
  }

  @Test
  void ascendingWithOffsetAndLimit() {
    JsonNode tasks = TaskQuery.parse("2", "1", "asc", null, null).select(cluster().view());
    assertThat(ids(tasks)).containsExactly("t2", "t3");
  }

  @Test
  void filtersByFrameworkAndTask() {
    assertThat(ids(TaskQuery.parse(null, null, "asc", "f2", null).select(cluster().view())))
        .containsExactly("t2", "t4");
    assertThat(ids(TaskQuery.parse(null, null, null, "f1", "t3").select(cluster().view())))
        .containsExactly("t3");
  }

  @Test
  void defaultLimitIsAHundred() {
    assertThat(TaskQuery.parse(null, "", "des", null, null).limit()).isEqualTo(100);
  }

  @Test
  void rejectsBadParameters() {
    assertThatThrownBy(() -> TaskQuery.parse("abc", null, null, null, null))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("limit must be a non-negative integer, got 'abc'");
    assertThatThrownBy(() -> TaskQuery.parse(null, "-1", null, null, null))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> TaskQuery.parse(null, null, "sideways", null, null))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("order");
  }
}
