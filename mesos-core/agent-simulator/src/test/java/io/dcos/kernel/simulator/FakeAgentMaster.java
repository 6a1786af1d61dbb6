package io.dcos.kernel.simulator;

import io.dcos.kernel.protocol.Address;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.agent.AgentChannelGrpc;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.AgentMessageBatch;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.agent.MasterMessageBatch;
import io.dcos.kernel.protocol.agent.Refused;
import io.dcos.kernel.protocol.agent.Register;
import io.dcos.kernel.protocol.agent.Registered;
import io.dcos.kernel.protocol.agent.StatusUpdate;
import io.dcos.kernel.protocol.agent.StatusUpdateAcknowledgement;
import io.dcos.kernel.sdk.discovery.MasterInfoCodec;
import io.grpc.Attributes;
import io.grpc.Server;
import io.grpc.ServerTransportFilter;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;

/**
 * A hand-written master for simulator tests: a real gRPC server on 127.0.0.1 speaking the agent
 * stream protocol. It registers agents, records everything they send per hostname, and lets tests
 * send master messages. With {@code autoAck} it acknowledges every status update at once, as a
 * framework that keeps up would.
 */
final class FakeAgentMaster implements AutoCloseable {
  private static final AtomicInteger AGENT_IDS = new AtomicInteger();

  /** What the master knows of one agent, by hostname. */
  static final class AgentRecord {
    final List<AgentMessage> received = new CopyOnWriteArrayList<>();
    volatile Connection connection;
    volatile AgentID id;

    List<Register> registers() {
      return received.stream()
          .filter(AgentMessage::hasRegister)
          .map(AgentMessage::getRegister)
          .toList();
    }

    List<StatusUpdate> updates() {
      return received.stream()
          .filter(AgentMessage::hasStatusUpdate)
          .map(AgentMessage::getStatusUpdate)
          .toList();
    }

    long heartbeats() {
      return received.stream().filter(AgentMessage::hasHeartbeat).count();
    }
  }

  private final String id;
  private final double heartbeatSeconds;
  private final Map<String, AgentRecord> agents = new ConcurrentHashMap<>();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final AtomicInteger transports = new AtomicInteger();
  private volatile boolean autoAck;
  private Server server;
  private MasterInfo info;
  private CuratorFramework zk;
  private String znode;

  FakeAgentMaster(String id, double heartbeatSeconds) {
    this.id = id;
    this.heartbeatSeconds = heartbeatSeconds;
  }

  FakeAgentMaster start() throws Exception {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new Service())
            .addTransportFilter(
                new ServerTransportFilter() {
                  @Override
                  public Attributes transportReady(Attributes attrs) {
                    transports.incrementAndGet();
                    return attrs;
                  }
                })
            .build()
            .start();
    info =
        MasterInfo.newBuilder()
            .setId(id)
            .setHostname("127.0.0.1")
            .setGrpcPort(server.getPort())
            .setAddress(Address.newBuilder().setIp("127.0.0.1").setHostname("127.0.0.1"))
            .build();
    return this;
  }

  /** Advertises this master in ZooKeeper under {@code path}. */
  FakeAgentMaster advertise(CuratorFramework client, String path) throws Exception {
    this.zk = client;
    znode =
        client
            .create()
            .creatingParentContainersIfNeeded()
            .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
            .forPath(path + "/" + MasterInfoCodec.ZNODE_PREFIX, MasterInfoCodec.encode(info));
    return this;
  }

  int port() {
    return server.getPort();
  }

  int transports() {
    return transports.get();
  }

  void autoAck(boolean on) {
    autoAck = on;
  }

  void refuse(String hostname) {
    refused.add(hostname);
  }

  AgentRecord agent(String hostname) {
    return agents.computeIfAbsent(hostname, h -> new AgentRecord());
  }

  long registeredCount() {
    return agents.values().stream().filter(a -> a.id != null).count();
  }

  void send(String hostname, MasterMessage message) {
    agent(hostname).connection.send(message);
  }

  void acknowledge(String hostname, StatusUpdate update) {
    send(hostname, ack(update));
  }

  private static MasterMessage ack(StatusUpdate update) {
    return MasterMessage.newBuilder()
        .setAcknowledgement(
            StatusUpdateAcknowledgement.newBuilder()
                .setFrameworkId(update.getFrameworkId())
                .setTaskId(update.getStatus().getTaskId())
                .setUuid(update.getStatus().getUuid()))
        .build();
  }

  @Override
  public void close() {
    if (znode != null) {
      try {
        zk.delete().quietly().forPath(znode);
      } catch (Exception e) {
        throw new IllegalStateException("cannot remove " + znode, e);
      }
      znode = null;
    }
    if (server != null) {
      server.shutdownNow();
      try {
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final class Service extends AgentChannelGrpc.AgentChannelImplBase {
    @Override
    public StreamObserver<AgentMessage> connect(StreamObserver<MasterMessage> responses) {
      return new Connection(responses);
    }

    @Override
    public StreamObserver<AgentMessageBatch> connectBatched(
        StreamObserver<MasterMessageBatch> responses) {
      Connection c =
          new Connection(
              new StreamObserver<>() {
                @Override
                public void onNext(MasterMessage m) {
                  responses.onNext(MasterMessageBatch.newBuilder().addMessages(m).build());
                }

                @Override
                public void onError(Throwable t) {
                  responses.onError(t);
                }

                @Override
                public void onCompleted() {
                  responses.onCompleted();
                }
              });
      return new StreamObserver<>() {
        @Override
        public void onNext(AgentMessageBatch batch) {
          batch.getMessagesList().forEach(c::onNext);
        }

        @Override
        public void onError(Throwable t) {
          c.onError(t);
        }

        @Override
        public void onCompleted() {
          c.onCompleted();
        }
      };
    }
  }

  final class Connection implements StreamObserver<AgentMessage> {
    private final StreamObserver<MasterMessage> responses;
    private AgentRecord record;
    private boolean ended;

    Connection(StreamObserver<MasterMessage> responses) {
      this.responses = responses;
    }

    synchronized void send(MasterMessage m) {
      if (!ended) {
        responses.onNext(m);
      }
    }

    @Override
    public void onNext(AgentMessage m) {
      if (m.hasRegister()) {
        String host = m.getRegister().getAgentInfo().getHostname();
        record = agent(host);
        record.received.add(m);
        record.connection = this;
        if (refused.contains(host)) {
          synchronized (this) {
            responses.onNext(
                MasterMessage.newBuilder()
                    .setRefused(Refused.newBuilder().setMessage("agent " + host + " was removed"))
                    .build());
            ended = true;
            responses.onCompleted();
          }
          return;
        }
        AgentID agentId =
            m.getRegister().getAgentInfo().hasId()
                ? m.getRegister().getAgentInfo().getId()
                : AgentID.newBuilder().setValue("agent-" + AGENT_IDS.incrementAndGet()).build();
        record.id = agentId;
        send(
            MasterMessage.newBuilder()
                .setRegistered(
                    Registered.newBuilder()
                        .setAgentId(agentId)
                        .setMasterInfo(info)
                        .setHeartbeatIntervalSeconds(heartbeatSeconds))
                .build());
        return;
      }
      if (record == null) {
        return;
      }
      record.received.add(m);
      if (autoAck && m.hasStatusUpdate()) {
        send(ack(m.getStatusUpdate()));
      }
    }

    @Override
    public synchronized void onError(Throwable t) {
      ended = true;
    }

    @Override
    public synchronized void onCompleted() {
      if (!ended) {
        ended = true;
        responses.onCompleted();
      }
    }
  }
}
