package io.dcos.kernel.sdk.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.protocol.scheduler.CallBatch;
import io.dcos.kernel.protocol.scheduler.Event;
import io.dcos.kernel.protocol.scheduler.EventBatch;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ClientStreamTest {
  /** The owner's serial executor, run step by step by the test. */
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

  /** What a gRPC client call would put on the wire. */
  static final class WireCall extends ClientCallStreamObserver<CallBatch> {
    final List<CallBatch> written = new ArrayList<>();
    String cancelled;

    @Override
    public void onNext(CallBatch value) {
      written.add(value);
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}

    @Override
    public void cancel(String message, Throwable cause) {
      cancelled = message;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setOnReadyHandler(Runnable onReadyHandler) {}

    @Override
    public void request(int count) {}

    @Override
    public void setMessageCompression(boolean enable) {}

    @Override
    public void disableAutoInboundFlowControl() {}
  }

  private final StepExecutor loop = new StepExecutor();
  private final List<Event> delivered = new ArrayList<>();
  private final ClientStream<Call, Event> stream =
      new ClientStream<>("master", loop, (s, e) -> delivered.add(e), (s, why) -> {});
  private final WireCall wire = new WireCall();
  private final ClientResponseObserver<CallBatch, EventBatch> batched =
      stream.batched(c -> CallBatch.newBuilder().addAllCalls(c).build(), EventBatch::getEventsList);

  {
    batched.beforeStart(wire);
  }

  private static Call kill(String taskId) {
    return Call.newBuilder()
        .setType(Call.Type.KILL)
        .setKill(Call.Kill.newBuilder().setTaskId(TaskID.newBuilder().setValue(taskId)))
        .build();
  }

  private static List<String> killed(List<CallBatch> batches) {
    List<String> ids = new ArrayList<>();
    batches.forEach(
        b -> b.getCallsList().forEach(c -> ids.add(c.getKill().getTaskId().getValue())));
    return ids;
  }

  @Test
  void callsSentBeforeTheOwnerGetsToWriteGoOutAsOneBatchInOrder() {
    assertThat(stream.send(kill("a"))).isTrue();
    assertThat(stream.send(kill("b"))).isTrue();
    assertThat(stream.send(kill("c"))).isTrue();
    assertThat(wire.written).isEmpty();

    loop.runAll();

    assertThat(wire.written).hasSize(1);
    assertThat(killed(wire.written)).containsExactly("a", "b", "c");
  }

  @Test
  void aLargeBacklogIsSplitIntoBatchesOfAtMostTheByteLimitInOrder() {
    List<String> sent = new ArrayList<>();
    int count = 3 * ClientStream.BATCH_BYTES / kill("t-100000").getSerializedSize();
    for (int i = 100_000; i < 100_000 + count; i++) {
      stream.send(kill("t-" + i));
      sent.add("t-" + i);
    }
    loop.runAll();

    assertThat(wire.written).hasSizeGreaterThanOrEqualTo(3);
    assertThat(wire.written.stream().mapToInt(CallBatch::getSerializedSize).max().orElseThrow())
        .isLessThanOrEqualTo(ClientStream.BATCH_BYTES);
    assertThat(killed(wire.written)).isEqualTo(sent);
  }

  @Test
  void aCancelledStreamWritesNothingMoreAndRefusesCalls() {
    stream.send(kill("queued"));
    stream.cancel("leader changed");
    loop.runAll();

    assertThat(wire.written).isEmpty();
    assertThat(wire.cancelled).isEqualTo("leader changed");
    assertThat(stream.send(kill("late"))).isFalse();
    assertThat(stream.isDone()).isTrue();
  }

  @Test
  void theEventsOfABatchReachTheOwnerOneByOneInOrderOnItsExecutor() {
    batched.onNext(
        EventBatch.newBuilder()
            .addEvents(Event.newBuilder().setType(Event.Type.HEARTBEAT))
            .addEvents(Event.newBuilder().setType(Event.Type.OFFERS))
            .addEvents(Event.newBuilder().setType(Event.Type.UPDATE))
            .build());
    assertThat(delivered).isEmpty();

    loop.runAll();

    assertThat(delivered)
        .extracting(Event::getType)
        .containsExactly(Event.Type.HEARTBEAT, Event.Type.OFFERS, Event.Type.UPDATE);
  }
}
