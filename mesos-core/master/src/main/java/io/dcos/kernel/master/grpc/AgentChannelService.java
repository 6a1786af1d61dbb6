package io.dcos.kernel.master.grpc;

import io.dcos.kernel.master.core.Master;
import io.dcos.kernel.master.state.AgentLink;
import io.dcos.kernel.protocol.agent.AgentChannelGrpc;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** The agents' stream endpoint: the first message must be Register. */
public final class AgentChannelService extends AgentChannelGrpc.AgentChannelImplBase {
  private final Master master;
  private final LeaderHint leaderHint;

  public AgentChannelService(Master master, LeaderHint leaderHint) {
    this.master = master;
    this.leaderHint = leaderHint;
  }

  @Override
  public StreamObserver<AgentMessage> connect(StreamObserver<MasterMessage> responses) {
    StreamSender<MasterMessage> sender = new StreamSender<>(responses);
    if (!master.isLeader()) {
      sender.fail(Status.UNAVAILABLE.withDescription(leaderHint.describe()));
      return new SchedulerService.Ignore<>();
    }
    AgentLink link =
        new AgentLink() {
          @Override
          public void send(MasterMessage message) {
            sender.send(message);
          }

          @Override
          public void close(String reason) {
            sender.fail(Status.UNAVAILABLE.withDescription(reason));
          }
        };
    return new StreamObserver<>() {
      private boolean registered;

      @Override
      public void onNext(AgentMessage message) {
        if (!registered) {
          if (!message.hasRegister()) {
            sender.fail(
                Status.INVALID_ARGUMENT.withDescription(
                    "the first agent message must be Register"));
            return;
          }
          registered = true;
          master.agentConnected(link, message.getRegister());
        } else {
          master.agentMessage(link, message);
        }
      }

      @Override
      public void onError(Throwable t) {
        sender.markClosed();
        master.agentDisconnected(link);
      }

      @Override
      public void onCompleted() {
        sender.complete();
        master.agentDisconnected(link);
      }
    };
  }
}
