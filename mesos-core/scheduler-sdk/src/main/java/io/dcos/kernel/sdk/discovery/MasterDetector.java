package io.dcos.kernel.sdk.discovery;

import io.dcos.kernel.protocol.MasterInfo;
import java.io.Closeable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the leading master through ZooKeeper: the {@code json.info_} znode with the lowest
 * sequence number under the masters' path. Listeners hear every change of leader, including "no
 * leader". Invariant: {@link #leader()} is the last leader read from ZooKeeper. ZooKeeper's
 * notifications only ask for a re-read, done on the detector's own thread (changes arriving while
 * one is pending are folded into it), so the client's event thread never waits on ZooKeeper.
 */
public final class MasterDetector implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(MasterDetector.class);

  private final CuratorFramework client;
  private final String path;
  private final List<Consumer<Optional<MasterInfo>>> listeners = new CopyOnWriteArrayList<>();
  private volatile Optional<MasterInfo> leader = Optional.empty();
  private volatile Optional<String> leaderZnode = Optional.empty();
  private final CuratorWatcher watcher = (WatchedEvent e) -> requestRefresh();
  private final AtomicBoolean refreshPending = new AtomicBoolean();
  private final ExecutorService refresher =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "master-detector");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean closed;

  public MasterDetector(CuratorFramework client, String path) {
    this.client = client;
    this.path = path;
  }

  /** Starts following; the client must be started. */
  public MasterDetector start() {
    client
        .getConnectionStateListenable()
        .addListener(
            (c, state) -> {
              if (state.isConnected()) {
                requestRefresh();
              }
            });
    refresh();
    return this;
  }

  public Optional<MasterInfo> leader() {
    return leader;
  }

  /** The znode name of the current leader, for example {@code json.info_0000000003}. */
  public Optional<String> leaderZnode() {
    return leaderZnode;
  }

  /** Adds a listener; it is called at once with the current leader, then on every change. */
  public void addListener(Consumer<Optional<MasterInfo>> listener) {
    listeners.add(listener);
    listener.accept(leader);
  }

  /** Completes with the leader as soon as one is known. */
  public CompletableFuture<MasterInfo> awaitLeader() {
    CompletableFuture<MasterInfo> result = new CompletableFuture<>();
    Consumer<Optional<MasterInfo>> once = l -> l.ifPresent(result::complete);
    listeners.add(once);
    leader.ifPresent(result::complete);
    result.whenComplete((r, e) -> listeners.remove(once));
    return result;
  }

  private void requestRefresh() {
    if (!closed && refreshPending.compareAndSet(false, true)) {
      refresher.execute(
          () -> {
            refreshPending.set(false);
            refresh();
          });
    }
  }

  private synchronized void refresh() {
    if (closed) {
      return;
    }
    try {
      client.createContainers(path);
      List<String> children = client.getChildren().usingWatcher(watcher).forPath(path);
      Optional<String> lowest =
          children.stream()
              .filter(n -> MasterInfoCodec.sequenceOf(n) >= 0)
              .min(
                  (a, b) ->
                      Long.compare(MasterInfoCodec.sequenceOf(a), MasterInfoCodec.sequenceOf(b)));
      Optional<MasterInfo> next = Optional.empty();
      if (lowest.isPresent()) {
        try {
          byte[] data = client.getData().usingWatcher(watcher).forPath(path + "/" + lowest.get());
          next = Optional.of(MasterInfoCodec.decode(data));
        } catch (KeeperException.NoNodeException gone) {
          requestRefresh();
          return;
        }
      }
      leaderZnode = lowest;
      if (!Objects.equals(next, leader)) {
        leader = next;
        LOG.info(
            "leading master is now {}",
            next.map(m -> m.getAddress().getIp() + ":" + m.getPort()).orElse("none"));
        for (Consumer<Optional<MasterInfo>> l : listeners) {
          l.accept(next);
        }
      }
    } catch (Exception e) {
      if (!closed) {
        LOG.warn("cannot read masters from ZooKeeper at {}: {}", path, e.toString());
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    listeners.clear();
    refresher.shutdownNow();
  }
}
