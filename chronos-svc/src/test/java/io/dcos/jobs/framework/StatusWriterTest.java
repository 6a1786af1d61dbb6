package io.dcos.jobs.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatusWriterTest {
  static TaskStatus status(String task) {
    return TaskStatus.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue(task))
        .setState(TaskState.TASK_RUNNING)
        .setUuid(ByteString.copyFromUtf8(task))
        .build();
  }

  static List<String> ids(List<TaskStatus> statuses) {
    return statuses.stream().map(s -> s.getTaskId().getValue()).toList();
  }

  @Test
  void updatesThatArriveDuringAWriteAreStoredTogetherAndAcknowledgedAfterwards() throws Exception {
    CountDownLatch firstWriteHeld = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    List<String> stored = Collections.synchronizedList(new ArrayList<>());
    List<String> acknowledgedBeforeStored = Collections.synchronizedList(new ArrayList<>());
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    try (StatusWriter writer =
        new StatusWriter(
            batch -> {
              batches.add(ids(batch));
              if (batches.size() == 1) {
                firstWriteHeld.countDown();
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              stored.addAll(ids(batch));
            },
            s -> {
              if (!stored.contains(s.getTaskId().getValue())) {
                acknowledgedBeforeStored.add(s.getTaskId().getValue());
              }
              acknowledged.add(s.getTaskId().getValue());
            },
            100,
            "test-status-writer")) {
      writer.add(status("t0"));
      assertThat(firstWriteHeld.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 1; i <= 5; i++) {
        writer.add(status("t" + i));
      }
      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 6);
    }
    assertThat(batches).containsExactly(List.of("t0"), List.of("t1", "t2", "t3", "t4", "t5"));
    assertThat(acknowledgedBeforeStored).isEmpty();
  }

  @Test
  void whenABatchFailsTheGoodUpdatesAreStillStoredAndOnlyTheBadOneIsNotAcknowledged()
      throws Exception {
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    List<String> attempts = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch inFirstWrite = new CountDownLatch(1);
    CountDownLatch writerBusy = new CountDownLatch(1);
    try (StatusWriter writer =
        new StatusWriter(
            batch -> {
              attempts.add(String.join(",", ids(batch)));
              if (ids(batch).equals(List.of("hold"))) {
                inFirstWrite.countDown();
                try {
                  writerBusy.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              if (ids(batch).contains("bad")) {
                throw new IllegalStateException("constraint violated");
              }
            },
            s -> acknowledged.add(s.getTaskId().getValue()),
            100,
            "test-status-writer")) {
      writer.add(status("hold"));
      assertThat(inFirstWrite.await(10, TimeUnit.SECONDS)).isTrue();
      writer.add(status("good-1"));
      writer.add(status("bad"));
      writer.add(status("good-2"));
      writerBusy.countDown();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> acknowledged.containsAll(List.of("hold", "good-1", "good-2")));
    }
    assertThat(acknowledged).doesNotContain("bad");
    assertThat(attempts).contains("good-1,bad,good-2", "good-1", "bad", "good-2");
  }
}
