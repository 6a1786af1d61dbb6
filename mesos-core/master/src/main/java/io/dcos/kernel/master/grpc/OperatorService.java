package io.dcos.kernel.master.grpc;

import io.dcos.kernel.master.core.Master;
import io.dcos.kernel.master.core.Observers;
import io.dcos.kernel.protocol.operator.OperatorEvent;
import io.dcos.kernel.protocol.operator.OperatorGrpc;
import io.dcos.kernel.protocol.operator.SubscribeRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** The operator event stream: a snapshot, then every change, until the client goes away. */
public final class OperatorService extends OperatorGrpc.OperatorImplBase {
  private final Master master;
  private final LeaderHint leaderHint;

  public OperatorService(Master master, LeaderHint leaderHint) {
    this.master = master;
    this.leaderHint = leaderHint;
  }

  @Override
  public void subscribe(SubscribeRequest request, StreamObserver<OperatorEvent> responses) {
    StreamSender<OperatorEvent> sender = StreamSender.single(responses);
    if (!master.isLeader()) {
      sender.fail(Status.UNAVAILABLE.withDescription(leaderHint.describe()));
      return;
    }
    master.subscribeOperator(
        new Observers.Subscriber() {
          @Override
          public boolean send(OperatorEvent event) {
            return sender.send(event);
          }

          @Override
          public void close(String reason) {
            sender.fail(Status.UNAVAILABLE.withDescription(reason));
          }
        });
  }
}
