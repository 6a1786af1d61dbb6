package io.dcos.dns.cluster;

import io.dcos.dns.records.NameScheme;
import io.dcos.dns.resolver.RecordStore;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.operator.OperatorEvent;
import io.dcos.kernel.protocol.operator.OperatorGrpc;
import io.dcos.kernel.protocol.operator.SubscribeRequest;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import io.dcos.kernel.sdk.discovery.MasterInfoCodec;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the published record set in step with the cluster: follows the leading master through
 * ZooKeeper, subscribes to its operator event stream (a full resync on every SUBSCRIBED), applies
 * each event and publishes a new record set after every change. A lost stream is reopened at
 * whoever leads. Invariant: all state changes happen on one thread, and events of an older stream
 * are ignored.
 */
public final class ClusterFollower implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterFollower.class);

  private final CuratorFramework curator;
  private final String path;
  private final NameScheme scheme;
  private final RecordStore store;
  private final Duration retry;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dns-cluster");
            t.setDaemon(true);
            return t;
          });
  private final ClusterView view = new ClusterView();
  private MasterDetector detector;
  private Optional<MasterInfo> leader = Optional.empty();
  private ManagedChannel channel;
  private long epoch;
  private volatile boolean closed;

  public ClusterFollower(
      CuratorFramework curator, String path, NameScheme scheme, RecordStore store, Duration retry) {
    this.curator = curator;
    this.path = path;
    this.scheme = scheme;
    this.store = store;
    this.retry = retry;
  }

  public ClusterFollower start() {
    detector = new MasterDetector(curator, path).start();
    detector.addListener(l -> post(() -> onLeader(l)));
    post(this::readMasters);
    return this;
  }

  private void onLeader(Optional<MasterInfo> next) {
    if (closed || Objects.equals(next, leader)) {
      return;
    }
    leader = next;
    readMasters();
    subscribe();
  }

  private void readMasters() {
    if (closed) {
      return;
    }
    List<MasterInfo> masters = new ArrayList<>();
    try {
      CuratorWatcher watcher = e -> post(this::readMasters);
      List<String> children = curator.getChildren().usingWatcher(watcher).forPath(path);
      children.stream()
          .filter(n -> MasterInfoCodec.sequenceOf(n) >= 0)
          .sorted(Comparator.comparingLong(MasterInfoCodec::sequenceOf))
          .forEach(
              n -> {
                try {
                  masters.add(MasterInfoCodec.decode(curator.getData().forPath(path + "/" + n)));
                } catch (Exception gone) {
                  LOG.debug("master znode {} went away: {}", n, gone.toString());
                }
              });
    } catch (Exception e) {
      LOG.debug("cannot list masters: {}", e.toString());
      masters.addAll(leader.stream().toList());
    }
    view.masters(masters, leader);
    publish();
  }

  private void subscribe() {
    long mine = ++epoch;
    if (channel != null) {
      channel.shutdownNow();
      channel = null;
    }
    if (closed || leader.isEmpty()) {
      return;
    }
    MasterInfo m = leader.get();
    channel =
        NettyChannelBuilder.forAddress(m.getAddress().getIp(), m.getGrpcPort())
            .usePlaintext()
            .build();
    LOG.info(
        "subscribing to the operator stream at {}:{}", m.getAddress().getIp(), m.getGrpcPort());
    OperatorGrpc.newStub(channel)
        .subscribe(
            SubscribeRequest.getDefaultInstance(),
            new StreamObserver<>() {
              @Override
              public void onNext(OperatorEvent e) {
                post(() -> onEvent(mine, e));
              }

              @Override
              public void onError(Throwable t) {
                post(() -> onStreamEnd(mine, t.toString()));
              }

              @Override
              public void onCompleted() {
                post(() -> onStreamEnd(mine, "completed"));
              }
            });
  }

  private void onEvent(long from, OperatorEvent e) {
    if (from != epoch || closed) {
      return;
    }
    if (view.apply(e)) {
      publish();
    }
  }

  private void onStreamEnd(long from, String why) {
    if (from != epoch || closed) {
      return;
    }
    LOG.info("operator stream ended ({}); subscribing again in {}", why, retry);
    long expected = ++epoch;
    loop.schedule(
        () -> {
          if (expected == epoch) {
            subscribe();
          }
        },
        retry.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Runs work on the loop thread; after close, work is dropped. */
  private void post(Runnable work) {
    if (closed) {
      return;
    }
    try {
      loop.execute(work);
    } catch (RejectedExecutionException e) {
      LOG.debug("closed: {}", e.toString());
    }
  }

  private void publish() {
    store.publish(scheme.build(SnapshotConverter.convert(view)));
  }

  @Override
  public void close() {
    closed = true;
    if (detector != null) {
      detector.close();
    }
    loop.execute(
        () -> {
          if (channel != null) {
            channel.shutdownNow();
          }
        });
    loop.shutdown();
  }
}
