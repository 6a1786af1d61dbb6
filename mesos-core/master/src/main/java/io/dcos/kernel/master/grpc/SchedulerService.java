package io.dcos.kernel.master.grpc;

import io.dcos.kernel.master.core.Master;
import io.dcos.kernel.master.state.FrameworkLink;
import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.protocol.scheduler.CallBatch;
import io.dcos.kernel.protocol.scheduler.Event;
import io.dcos.kernel.protocol.scheduler.EventBatch;
import io.dcos.kernel.protocol.scheduler.SchedulerGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * The scheduler stream endpoint, with one call or event per gRPC message ({@code Connect}) or
 * batches of them ({@code ConnectBatched}): hands calls to the master and carries its events back.
 */
public final class SchedulerService extends SchedulerGrpc.SchedulerImplBase {
  private final Master master;
  private final LeaderHint leaderHint;

  public SchedulerService(Master master, LeaderHint leaderHint) {
    this.master = master;
    this.leaderHint = leaderHint;
  }

  @Override
  public StreamObserver<Call> connect(StreamObserver<Event> responses) {
    StreamSender<Event> sender = StreamSender.single(responses);
    FrameworkLink link = open(sender);
    if (link == null) {
      return new Ignore<>();
    }
    return new StreamObserver<>() {
      @Override
      public void onNext(Call call) {
        master.schedulerCalls(link, List.of(call));
      }

      @Override
      public void onError(Throwable t) {
        sender.markClosed();
        master.schedulerDisconnected(link);
      }

      @Override
      public void onCompleted() {
        sender.complete();
        master.schedulerDisconnected(link);
      }
    };
  }

  @Override
  public StreamObserver<CallBatch> connectBatched(StreamObserver<EventBatch> responses) {
    StreamSender<Event> sender =
        StreamSender.batched(
            responses, events -> EventBatch.newBuilder().addAllEvents(events).build());
    FrameworkLink link = open(sender);
    if (link == null) {
      return new Ignore<>();
    }
    return new StreamObserver<>() {
      @Override
      public void onNext(CallBatch batch) {
        if (batch.getCallsCount() > 0) {
          master.schedulerCalls(link, batch.getCallsList());
        }
      }

      @Override
      public void onError(Throwable t) {
        sender.markClosed();
        master.schedulerDisconnected(link);
      }

      @Override
      public void onCompleted() {
        sender.complete();
        master.schedulerDisconnected(link);
      }
    };
  }

  /** The master's end of a new stream; null when refused because this master does not lead. */
  private FrameworkLink open(StreamSender<Event> sender) {
    if (!master.isLeader()) {
      sender.fail(Status.UNAVAILABLE.withDescription(leaderHint.describe()));
      return null;
    }
    return new FrameworkLink() {
      @Override
      public void send(Event event) {
        sender.send(event);
      }

      @Override
      public void fail(String message) {
        sender.send(
            Event.newBuilder()
                .setType(Event.Type.ERROR)
                .setError(Event.Error.newBuilder().setMessage(message))
                .build());
        sender.complete();
      }
    };
  }

  /** Discards what a refused stream sends. */
  static final class Ignore<T> implements StreamObserver<T> {
    @Override
    public void onNext(T value) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }
}
