package io.dcos.dns.cluster;

import io.dcos.dns.records.NameScheme;
import io.dcos.dns.resolver.RecordStore;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.operator.OperatorEvent;
import io.dcos.kernel.protocol.operator.OperatorGrpc;
import io.dcos.kernel.protocol.operator.SubscribeRequest;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the published record set in step with the cluster: follows the masters' {@code json.info_}
 * znodes in ZooKeeper (the lowest sequence number leads), subscribes to its operator event stream
 * (a full resync on every SUBSCRIBED), applies each event and publishes a new record set after
 * every change. A stream that ends, or that sent heartbeats and then stays silent for three
 * intervals, is reopened at whoever leads. While ZooKeeper or the stream is away the last record
 * set keeps being served; a new ZooKeeper session (after the old one was lost) re-reads the masters
 * and resubscribes, so the view is rebuilt from a fresh snapshot. Invariant: all state changes
 * happen on one thread that never waits for ZooKeeper, and events of an older stream are ignored.
 */
public final class ClusterFollower implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterFollower.class);
  private static final int SILENT_HEARTBEATS = 3;

  private final CuratorFramework curator;
  private final String path;
  private final NameScheme scheme;
  private final RecordStore store;
  private final Duration retry;
  private final ScheduledExecutorService loop = daemon("dns-cluster");
  private final ScheduledExecutorService zooKeeperReader = daemon("dns-zookeeper");
  private final ClusterView view = new ClusterView();
  private final AtomicLong resyncs = new AtomicLong();
  private final AtomicLong sessionsLost = new AtomicLong();
  private final AtomicLong streamsEnded = new AtomicLong();
  private Optional<MasterInfo> leader = Optional.empty();
  private List<MasterInfo> masters = List.of();
  private ManagedChannel channel;
  private ScheduledFuture<?> watchdog;
  private long epoch;
  private long eventsInEpoch;
  private double heartbeatSeconds;
  private int failedAttempts;
  private boolean publishPending;
  private final AtomicLong published = new AtomicLong();
  private boolean sessionLost;
  private volatile boolean closed;

  public ClusterFollower(
      CuratorFramework curator, String path, NameScheme scheme, RecordStore store, Duration retry) {
    this.curator = curator;
    this.path = path;
    this.scheme = scheme;
    this.store = store;
    this.retry = retry;
  }

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  public ClusterFollower start() {
    curator
        .getConnectionStateListenable()
        .addListener((c, state) -> post(() -> onZooKeeper(state)));
    readMasters();
    return this;
  }

  /** Full resyncs done: SUBSCRIBED snapshots that replaced the whole view. */
  public long resyncs() {
    return resyncs.get();
  }

  /** ZooKeeper sessions lost since start. */
  public long sessionsLost() {
    return sessionsLost.get();
  }

  /** Operator streams that ended, failed or went silent since start. */
  public long streamsEnded() {
    return streamsEnded.get();
  }

  private void onZooKeeper(ConnectionState state) {
    if (closed) {
      return;
    }
    if (state == ConnectionState.LOST) {
      sessionsLost.incrementAndGet();
      sessionLost = true;
      LOG.warn("ZooKeeper session lost; serving the last known names until it is back");
    } else if (state.isConnected()) {
      // Watches of a lost session are gone: read the masters again and, after a session loss,
      // start over from a fresh snapshot since changes may have been missed.
      readMasters();
      if (sessionLost) {
        sessionLost = false;
        LOG.info("new ZooKeeper session; resubscribing for a full resync");
        subscribe();
      }
    }
  }

  /**
   * Lists the masters' znodes on the reader thread; the loop hears the result. The ZooKeeper event
   * thread is never made to wait: watches only hand work to the reader.
   */
  private void readMasters() {
    if (closed) {
      return;
    }
    try {
      zooKeeperReader.execute(this::listMasters);
    } catch (RejectedExecutionException e) {
      LOG.debug("closed: {}", e.toString());
    }
  }

  private void listMasters() {
    if (closed || !curator.getZookeeperClient().isConnected()) {
      return;
    }
    try {
      CuratorWatcher watcher =
          e -> {
            if (e.getType() != Watcher.Event.EventType.None) {
              readMasters();
            }
          };
      List<String> children;
      try {
        children = curator.getChildren().usingWatcher(watcher).forPath(path);
      } catch (KeeperException.NoNodeException none) {
        // No master has ever contended: wait for the path to appear.
        if (curator.checkExists().usingWatcher(watcher).forPath(path) != null) {
          readMasters();
        }
        children = List.of();
      }
      List<MasterInfo> found = new ArrayList<>();
      children.stream()
          .filter(n -> MasterInfoCodec.sequenceOf(n) >= 0)
          .sorted(Comparator.comparingLong(MasterInfoCodec::sequenceOf))
          .forEach(
              n -> {
                try {
                  found.add(MasterInfoCodec.decode(curator.getData().forPath(path + "/" + n)));
                } catch (Exception gone) {
                  LOG.debug("master znode {} went away: {}", n, gone.toString());
                }
              });
      post(() -> onMasters(found));
    } catch (Exception e) {
      LOG.debug("cannot list masters: {}", e.toString());
    }
  }

  /** The masters in contention order; the first, with the lowest sequence number, leads. */
  private void onMasters(List<MasterInfo> found) {
    if (closed || found.equals(masters)) {
      return;
    }
    masters = List.copyOf(found);
    Optional<MasterInfo> next = masters.stream().findFirst();
    boolean newLeader = !Objects.equals(next, leader);
    leader = next;
    view.masters(masters, leader);
    publish();
    if (newLeader) {
      LOG.info(
          "leading master is now {}",
          next.map(m -> m.getAddress().getIp() + ":" + m.getPort()).orElse("none"));
      subscribe();
    }
  }

  private void subscribe() {
    long mine = ++epoch;
    eventsInEpoch = 0;
    if (watchdog != null) {
      watchdog.cancel(false);
      watchdog = null;
    }
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
    eventsInEpoch++;
    if (e.getType() == OperatorEvent.Type.SUBSCRIBED) {
      resyncs.incrementAndGet();
      failedAttempts = 0;
      heartbeatSeconds = e.getSubscribed().getHeartbeatIntervalSeconds();
    } else if (e.getType() == OperatorEvent.Type.HEARTBEAT && watchdog == null) {
      watch(from, heartbeatSeconds);
    }
    if (view.apply(e)) {
      publish();
    }
  }

  /**
   * Ends a stream on which nothing, not even a heartbeat, arrived for {@link #SILENT_HEARTBEATS}
   * intervals: its master may be paused or cut off without the connection failing. Armed by the
   * stream's first HEARTBEAT, so a master that sends none is never taken for silent.
   */
  private void watch(long stream, double heartbeatSeconds) {
    if (heartbeatSeconds <= 0) {
      return;
    }
    long period = Math.max(1, Math.round(heartbeatSeconds * 1000));
    long[] seen = {eventsInEpoch, 0};
    watchdog =
        loop.scheduleAtFixedRate(
            () -> {
              if (stream != epoch) {
                return;
              }
              seen[1] = eventsInEpoch == seen[0] ? seen[1] + 1 : 0;
              seen[0] = eventsInEpoch;
              if (seen[1] >= SILENT_HEARTBEATS) {
                onStreamEnd(stream, "no heartbeat for " + SILENT_HEARTBEATS * period + " ms");
              }
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
  }

  private void onStreamEnd(long from, String why) {
    if (from != epoch || closed) {
      return;
    }
    streamsEnded.incrementAndGet();
    // Back off while the master stays away (up to 8 times the delay); log only the first failure.
    Duration delay = retry.multipliedBy(1L << Math.min(3, failedAttempts));
    if (failedAttempts++ == 0) {
      LOG.info("operator stream ended ({}); subscribing again in {}", why, delay);
    } else {
      LOG.debug("operator stream ended again ({}); next attempt in {}", why, delay);
    }
    if (watchdog != null) {
      watchdog.cancel(false);
      watchdog = null;
    }
    long expected = ++epoch;
    loop.schedule(
        () -> {
          if (expected == epoch) {
            subscribe();
          }
        },
        delay.toMillis(),
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

  /**
   * Publishes the view once the events already queued on the loop are applied: a burst of events (a
   * snapshot, a wave of launches) costs one rebuild of the record set, not one per event.
   */
  private void publish() {
    if (publishPending) {
      return;
    }
    publishPending = true;
    post(
        () -> {
          publishPending = false;
          store.publish(scheme.build(SnapshotConverter.convert(view)));
          published.incrementAndGet();
        });
  }

  /** Record sets published since start. */
  public long published() {
    return published.get();
  }

  @Override
  public void close() {
    closed = true;
    zooKeeperReader.shutdownNow();
    loop.execute(
        () -> {
          if (channel != null) {
            channel.shutdownNow();
          }
        });
    loop.shutdown();
  }
}
