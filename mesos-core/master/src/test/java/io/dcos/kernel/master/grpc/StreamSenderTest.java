package io.dcos.kernel.master.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.scheduler.Event;
import io.dcos.kernel.protocol.scheduler.EventBatch;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class StreamSenderTest {
  /** Runs submitted drains only when the test says so, like a busy sender pool. */
  static final class StepExecutor implements Executor {
    final ArrayDeque<Runnable> queued = new ArrayDeque<>();

    @Override
    public void execute(Runnable r) {
      queued.add(r);
    }

    void runAll() {
      while (!queued.isEmpty()) {
        queued.poll().run();
      }
    }
  }

  /** Records what reaches the gRPC stream. */
  static final class Recorder<T> implements StreamObserver<T> {
    final List<T> written = new ArrayList<>();
    final List<String> ends = new ArrayList<>();

    @Override
    public void onNext(T value) {
      written.add(value);
    }

    @Override
    public void onError(Throwable t) {
      ends.add("error: " + Status.fromThrowable(t).getDescription());
    }

    @Override
    public void onCompleted() {
      ends.add("completed");
    }
  }

  private static Event update(int n) {
    return Event.newBuilder()
        .setType(Event.Type.UPDATE)
        .setUpdate(
            Event.Update.newBuilder()
                .setStatus(
                    io.dcos.kernel.protocol.TaskStatus.newBuilder()
                        .setTaskId(TaskID.newBuilder().setValue("t-" + n))))
        .build();
  }

  private static List<String> taskIds(List<EventBatch> batches) {
    List<String> ids = new ArrayList<>();
    batches.forEach(
        b ->
            b.getEventsList()
                .forEach(e -> ids.add(e.getUpdate().getStatus().getTaskId().getValue())));
    return ids;
  }

  @Test
  void messagesQueuedWhileTheStreamIsBusyGoOutAsOneBatchInOrder() {
    StepExecutor senders = new StepExecutor();
    Recorder<EventBatch> grpc = new Recorder<>();
    StreamSender<Event> sender =
        StreamSender.batched(
            grpc, events -> EventBatch.newBuilder().addAllEvents(events).build(), senders);

    for (int i = 1; i <= 5; i++) {
      assertThat(sender.send(update(i))).isTrue();
    }
    senders.runAll();

    assertThat(grpc.written).hasSize(1);
    assertThat(taskIds(grpc.written)).containsExactly("t-1", "t-2", "t-3", "t-4", "t-5");
  }

  @Test
  void aBatchNeverExceedsTheByteLimitAndNothingIsLostOrReordered() {
    StepExecutor senders = new StepExecutor();
    Recorder<EventBatch> grpc = new Recorder<>();
    StreamSender<Event> sender =
        StreamSender.batched(
            grpc, events -> EventBatch.newBuilder().addAllEvents(events).build(), senders);
    int size = update(10_000).getSerializedSize();
    int count = 3 * StreamSender.BATCH_BYTES / size;
    List<String> sent = new ArrayList<>();
    for (int i = 10_000; i < 10_000 + count; i++) {
      sender.send(update(i));
      sent.add("t-" + i);
    }
    senders.runAll();

    assertThat(grpc.written).hasSizeGreaterThanOrEqualTo(3);
    assertThat(grpc.written.stream().mapToInt(EventBatch::getSerializedSize).max().orElseThrow())
        .isLessThanOrEqualTo(StreamSender.BATCH_BYTES);
    assertThat(taskIds(grpc.written)).isEqualTo(sent);
  }

  @Test
  void aCloseTakesEffectAfterTheMessagesBeforeItAndNothingIsSentAfter() {
    StepExecutor senders = new StepExecutor();
    Recorder<EventBatch> grpc = new Recorder<>();
    StreamSender<Event> sender =
        StreamSender.batched(
            grpc, events -> EventBatch.newBuilder().addAllEvents(events).build(), senders);

    sender.send(update(1));
    sender.send(update(2));
    sender.fail(Status.UNAVAILABLE.withDescription("not the leader"));
    assertThat(sender.send(update(3))).isFalse();
    senders.runAll();

    assertThat(taskIds(grpc.written)).containsExactly("t-1", "t-2");
    assertThat(grpc.ends).containsExactly("error: not the leader");
  }

  @Test
  void anUnbatchedStreamWritesEachMessageAloneInOrder() {
    StepExecutor senders = new StepExecutor();
    Recorder<Event> grpc = new Recorder<>();
    StreamSender<Event> sender = StreamSender.single(grpc, senders);

    sender.send(update(1));
    sender.send(update(2));
    sender.complete();
    senders.runAll();

    assertThat(grpc.written)
        .extracting(e -> e.getUpdate().getStatus().getTaskId().getValue())
        .containsExactly("t-1", "t-2");
    assertThat(grpc.ends).containsExactly("completed");
  }

  @Test
  void aGonePeerDropsWhatIsStillQueued() {
    StepExecutor senders = new StepExecutor();
    Recorder<EventBatch> grpc = new Recorder<>();
    StreamSender<Event> sender =
        StreamSender.batched(
            grpc, events -> EventBatch.newBuilder().addAllEvents(events).build(), senders);

    sender.send(update(1));
    sender.markClosed();
    senders.runAll();

    assertThat(grpc.written).isEmpty();
    assertThat(sender.send(update(2))).isFalse();
  }
}
