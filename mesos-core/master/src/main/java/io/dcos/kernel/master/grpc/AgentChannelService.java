package io.dcos.kernel.master.grpc;

import io.dcos.kernel.master.core.Master;
import io.dcos.kernel.master.state.AgentLink;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.agent.AgentChannelGrpc;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.AgentMessageBatch;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.agent.MasterMessageBatch;
import io.dcos.kernel.protocol.agent.RunTask;
import io.dcos.kernel.protocol.agent.RunTasks;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * The agents' stream endpoint, with one message per gRPC message ({@code Connect}) or batches of
 * them ({@code ConnectBatched}); the first message must be Register.
 */
public final class AgentChannelService extends AgentChannelGrpc.AgentChannelImplBase {
  private final Master master;
  private final LeaderHint leaderHint;

  public AgentChannelService(Master master, LeaderHint leaderHint) {
    this.master = master;
    this.leaderHint = leaderHint;
  }

  @Override
  public StreamObserver<AgentMessage> connect(StreamObserver<MasterMessage> responses) {
    Inbound inbound = open(StreamSender.single(responses), true);
    if (inbound == null) {
      return new SchedulerService.Ignore<>();
    }
    return new StreamObserver<>() {
      @Override
      public void onNext(AgentMessage message) {
        inbound.received(List.of(message));
      }

      @Override
      public void onError(Throwable t) {
        inbound.failed();
      }

      @Override
      public void onCompleted() {
        inbound.completed();
      }
    };
  }

  @Override
  public StreamObserver<AgentMessageBatch> connectBatched(
      StreamObserver<MasterMessageBatch> responses) {
    Inbound inbound =
        open(
            StreamSender.batched(
                responses,
                messages -> MasterMessageBatch.newBuilder().addAllMessages(messages).build()),
            false);
    if (inbound == null) {
      return new SchedulerService.Ignore<>();
    }
    return new StreamObserver<>() {
      @Override
      public void onNext(AgentMessageBatch batch) {
        if (batch.getMessagesCount() > 0) {
          inbound.received(batch.getMessagesList());
        }
      }

      @Override
      public void onError(Throwable t) {
        inbound.failed();
      }

      @Override
      public void onCompleted() {
        inbound.completed();
      }
    };
  }

  /**
   * A new agent stream; null when refused because this master does not lead. An agent that
   * connected with {@code Connect} may not know RunTasks: it gets one RunTask per task instead.
   */
  private Inbound open(StreamSender<MasterMessage> sender, boolean oneTaskPerRun) {
    if (!master.isLeader()) {
      sender.fail(Status.UNAVAILABLE.withDescription(leaderHint.describe()));
      return null;
    }
    return new Inbound(sender, oneTaskPerRun);
  }

  private static void sendEachTask(StreamSender<MasterMessage> sender, RunTasks run) {
    for (TaskInfo task : run.getTasksList()) {
      sender.send(
          MasterMessage.newBuilder()
              .setRunTask(RunTask.newBuilder().setFramework(run.getFramework()).setTask(task))
              .build());
    }
  }

  /** What arrives on one agent stream, handed to the master in order. */
  private final class Inbound {
    private final StreamSender<MasterMessage> sender;
    private final AgentLink link;
    private boolean registered;

    Inbound(StreamSender<MasterMessage> sender, boolean oneTaskPerRun) {
      this.sender = sender;
      this.link =
          new AgentLink() {
            @Override
            public void send(MasterMessage message) {
              if (oneTaskPerRun && message.hasRunTasks()) {
                sendEachTask(sender, message.getRunTasks());
              } else {
                sender.send(message);
              }
            }

            @Override
            public void close(String reason) {
              sender.fail(Status.UNAVAILABLE.withDescription(reason));
            }
          };
    }

    void received(List<AgentMessage> messages) {
      List<AgentMessage> rest = messages;
      if (!registered) {
        AgentMessage first = messages.get(0);
        if (!first.hasRegister()) {
          sender.fail(
              Status.INVALID_ARGUMENT.withDescription("the first agent message must be Register"));
          return;
        }
        registered = true;
        master.agentConnected(link, first.getRegister());
        rest = messages.subList(1, messages.size());
      }
      if (!rest.isEmpty()) {
        master.agentMessages(link, rest);
      }
    }

    void failed() {
      sender.markClosed();
      master.agentDisconnected(link);
    }

    void completed() {
      sender.complete();
      master.agentDisconnected(link);
    }
  }
}
