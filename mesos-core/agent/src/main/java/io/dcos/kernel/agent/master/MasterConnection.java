package io.dcos.kernel.agent.master;

import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.agent.AgentChannelGrpc;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.AgentMessageBatch;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.agent.MasterMessageBatch;
import io.dcos.kernel.sdk.connection.ClientStream;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's stream to the leading master. Follows the leader through ZooKeeper, reconnects after
 * errors with a randomized backoff, and reports to its handler on the agent's loop. Invariant: at
 * most one stream is current; events of older streams are ignored.
 */
public final class MasterConnection implements AutoCloseable {
  /** Hears the stream's life, always on the agent's loop thread. */
  public interface Handler {
    /** A new stream is open: the agent must send Register first. */
    void connected(MasterInfo master);

    void message(MasterMessage message);

    void disconnected(String why);
  }

  private static final Logger LOG = LoggerFactory.getLogger(MasterConnection.class);

  private final MasterDetector detector;
  private final Handler handler;
  private final ScheduledExecutorService loop;
  private final Duration backoff;
  private ManagedChannel channel;
  private ClientStream<AgentMessage, MasterMessage> current;
  private MasterInfo leader;
  private boolean closed;
  private boolean reconnectScheduled;

  public MasterConnection(
      MasterDetector detector, Handler handler, ScheduledExecutorService loop, Duration backoff) {
    this.detector = detector;
    this.handler = handler;
    this.loop = loop;
    this.backoff = backoff;
  }

  public void start() {
    detector.addListener(l -> loop.execute(() -> leaderChanged(l)));
  }

  /** Sends on the current stream; false when there is none. Call on the loop. */
  public boolean send(AgentMessage message) {
    return current != null && current.send(message);
  }

  private void leaderChanged(Optional<MasterInfo> next) {
    if (closed) {
      return;
    }
    MasterInfo info = next.orElse(null);
    if (info != null && leader != null && sameEndpoint(info, leader) && current != null) {
      return;
    }
    leader = info;
    drop("the leading master changed");
    if (leader != null) {
      connect();
    }
  }

  private static boolean sameEndpoint(MasterInfo a, MasterInfo b) {
    return a.getId().equals(b.getId());
  }

  private void connect() {
    if (closed || leader == null) {
      return;
    }
    if (channel != null) {
      channel.shutdownNow();
    }
    String ip = leader.getAddress().getIp();
    int port = leader.getGrpcPort();
    channel =
        NettyChannelBuilder.forAddress(ip, port)
            .usePlaintext()
            .keepAliveTime(10, TimeUnit.SECONDS)
            .keepAliveWithoutCalls(true)
            .build();
    ClientStream<AgentMessage, MasterMessage> stream =
        new ClientStream<>(ip + ":" + port, loop, this::received, this::ended);
    current = stream;
    AgentChannelGrpc.newStub(channel)
        .connectBatched(
            stream.batched(
                messages -> AgentMessageBatch.newBuilder().addAllMessages(messages).build(),
                MasterMessageBatch::getMessagesList));
    LOG.info("connected to the leading master at {}:{}", ip, port);
    handler.connected(leader);
  }

  private void drop(String why) {
    if (current != null) {
      ClientStream<AgentMessage, MasterMessage> s = current;
      current = null;
      s.cancel(why);
      handler.disconnected(why);
    }
  }

  private void received(ClientStream<AgentMessage, MasterMessage> stream, MasterMessage message) {
    if (current == stream) {
      handler.message(message);
    }
  }

  private void ended(ClientStream<AgentMessage, MasterMessage> stream, String why) {
    if (current == stream) {
      current = null;
      LOG.warn("lost the master: {}", why);
      handler.disconnected(why);
      scheduleReconnect();
    }
  }

  private void scheduleReconnect() {
    if (closed || reconnectScheduled) {
      return;
    }
    reconnectScheduled = true;
    long delay = ThreadLocalRandom.current().nextLong(Math.max(1, backoff.toMillis())) + 50;
    loop.schedule(
        () -> {
          reconnectScheduled = false;
          if (current == null) {
            connect();
          }
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    if (current != null) {
      current.cancel("the agent is stopping");
      current = null;
    }
    if (channel != null) {
      channel.shutdownNow();
    }
  }
}
