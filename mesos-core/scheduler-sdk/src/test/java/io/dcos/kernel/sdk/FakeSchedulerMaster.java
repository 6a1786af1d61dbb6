package io.dcos.kernel.sdk;

import io.dcos.kernel.protocol.Address;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.protocol.scheduler.CallBatch;
import io.dcos.kernel.protocol.scheduler.Event;
import io.dcos.kernel.protocol.scheduler.EventBatch;
import io.dcos.kernel.protocol.scheduler.SchedulerGrpc;
import io.dcos.kernel.sdk.discovery.MasterInfoCodec;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;

/**
 * A hand-written master for SDK tests: a real gRPC server on 127.0.0.1 that speaks the scheduler
 * stream protocol, advertised through a real {@code json.info_} znode. Tests drive it: push events,
 * stop heartbeats, end streams, resign.
 */
final class FakeSchedulerMaster implements AutoCloseable {
  private static final AtomicInteger FRAMEWORK_IDS = new AtomicInteger();

  private final CuratorFramework zk;
  private final String path;
  private final String id;
  private final double heartbeatSeconds;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger refuseNext = new AtomicInteger();
  private volatile boolean sendHeartbeats = true;
  private volatile Stream current;
  private Server server;
  private String znode;
  private MasterInfo info;

  FakeSchedulerMaster(CuratorFramework zk, String path, String id, double heartbeatSeconds) {
    this.zk = zk;
    this.path = path;
    this.id = id;
    this.heartbeatSeconds = heartbeatSeconds;
  }

  FakeSchedulerMaster start() throws Exception {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new Service())
            .build()
            .start();
    info =
        MasterInfo.newBuilder()
            .setId(id)
            .setHostname("127.0.0.1")
            .setPort(5050)
            .setGrpcPort(server.getPort())
            .setAddress(Address.newBuilder().setIp("127.0.0.1").setHostname("127.0.0.1"))
            .build();
    long period = (long) (heartbeatSeconds * 1000);
    heartbeats.scheduleAtFixedRate(
        () -> {
          Stream s = current;
          if (sendHeartbeats && s != null && s.subscribed) {
            s.send(Event.newBuilder().setType(Event.Type.HEARTBEAT).build());
          }
        },
        period,
        period,
        TimeUnit.MILLISECONDS);
    znode =
        zk.create()
            .creatingParentContainersIfNeeded()
            .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
            .forPath(path + "/" + MasterInfoCodec.ZNODE_PREFIX, MasterInfoCodec.encode(info));
    return this;
  }

  MasterInfo info() {
    return info;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> calls(Call.Type type) {
    return calls.stream().filter(c -> c.getType() == type).toList();
  }

  /** Sends an event on the newest subscribed stream. */
  void send(Event event) {
    current.send(event);
  }

  void heartbeats(boolean on) {
    sendHeartbeats = on;
  }

  /** The next subscription is answered with ERROR and the end of the stream. */
  void refuseNextSubscription() {
    refuseNext.incrementAndGet();
  }

  /** Ends the current stream with an error, as a crashing connection would. */
  void failStream() {
    Stream s = current;
    if (s != null) {
      s.fail();
    }
  }

  /** Gives up leadership: removes the znode and stops serving. */
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
    heartbeats.shutdownNow();
    if (server != null) {
      server.shutdownNow();
      try {
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final class Service extends SchedulerGrpc.SchedulerImplBase {
    @Override
    public StreamObserver<Call> connect(StreamObserver<Event> responses) {
      return new Stream(responses);
    }

    @Override
    public StreamObserver<CallBatch> connectBatched(StreamObserver<EventBatch> responses) {
      Stream stream =
          new Stream(
              new StreamObserver<>() {
                @Override
                public void onNext(Event e) {
                  responses.onNext(EventBatch.newBuilder().addEvents(e).build());
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
        public void onNext(CallBatch batch) {
          batch.getCallsList().forEach(stream::onNext);
        }

        @Override
        public void onError(Throwable t) {
          stream.onError(t);
        }

        @Override
        public void onCompleted() {
          stream.onCompleted();
        }
      };
    }
  }

  private final class Stream implements StreamObserver<Call> {
    private final StreamObserver<Event> responses;
    private volatile boolean subscribed;
    private boolean ended;

    Stream(StreamObserver<Event> responses) {
      this.responses = responses;
    }

    synchronized void send(Event e) {
      if (!ended) {
        responses.onNext(e);
      }
    }

    synchronized void fail() {
      if (!ended) {
        ended = true;
        responses.onError(Status.UNAVAILABLE.withDescription("fake failure").asRuntimeException());
      }
    }

    @Override
    public void onNext(Call call) {
      calls.add(call);
      if (call.getType() != Call.Type.SUBSCRIBE) {
        return;
      }
      if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        synchronized (this) {
          responses.onNext(
              Event.newBuilder()
                  .setType(Event.Type.ERROR)
                  .setError(Event.Error.newBuilder().setMessage("subscription refused"))
                  .build());
          ended = true;
          responses.onCompleted();
        }
        return;
      }
      FrameworkID fid =
          call.getSubscribe().getFrameworkInfo().hasId()
              ? call.getSubscribe().getFrameworkInfo().getId()
              : FrameworkID.newBuilder().setValue("fw-" + FRAMEWORK_IDS.incrementAndGet()).build();
      Stream previous = current;
      current = this;
      if (previous != null && previous != this) {
        synchronized (previous) {
          if (!previous.ended) {
            previous.ended = true;
            previous.responses.onCompleted();
          }
        }
      }
      subscribed = true;
      send(
          Event.newBuilder()
              .setType(Event.Type.SUBSCRIBED)
              .setSubscribed(
                  Event.Subscribed.newBuilder()
                      .setFrameworkId(fid)
                      .setHeartbeatIntervalSeconds(heartbeatSeconds)
                      .setMasterInfo(info))
              .build());
    }

    @Override
    public void onError(Throwable t) {
      synchronized (this) {
        ended = true;
      }
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
