package io.dcos.kernel.master.grpc;

import io.dcos.kernel.master.core.Master;
import io.dcos.kernel.master.state.FrameworkLink;
import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.protocol.scheduler.Event;
import io.dcos.kernel.protocol.scheduler.SchedulerGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** The scheduler stream endpoint: hands calls to the master and carries its events back. */
public final class SchedulerService extends SchedulerGrpc.SchedulerImplBase {
  private final Master master;
  private final LeaderHint leaderHint;

  public SchedulerService(Master master, LeaderHint leaderHint) {
    this.master = master;
    this.leaderHint = leaderHint;
  }

  @Override
  public StreamObserver<Call> connect(StreamObserver<Event> responses) {
    StreamSender<Event> sender = new StreamSender<>(responses);
    if (!master.isLeader()) {
      sender.fail(Status.UNAVAILABLE.withDescription(leaderHint.describe()));
      return new Ignore<>();
    }
    FrameworkLink link =
        new FrameworkLink() {
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
    return new StreamObserver<>() {
      @Override
      public void onNext(Call call) {
        master.schedulerCall(link, call);
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
