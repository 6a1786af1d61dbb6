package io.dcos.kernel.master.election;

import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import io.dcos.kernel.sdk.discovery.MasterInfoCodec;
import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.zookeeper.CreateMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes part in the masters' election as Mesos does: an ephemeral sequential {@code json.info_}
 * znode holding this master's MasterInfo JSON; the lowest sequence number leads. Invariant: the
 * listener hears {@code elected} only while this master's znode is the lowest and the ZooKeeper
 * connection is up, and hears {@code demoted} as soon as either stops being true.
 */
public final class MasterContender implements Closeable {
  /** Hears leadership changes of this master, on the contender's thread. */
  public interface Listener {
    void elected();

    void demoted();
  }

  private static final Logger LOG = LoggerFactory.getLogger(MasterContender.class);

  private final CuratorFramework client;
  private final String path;
  private final MasterDetector detector;
  private final Listener listener;
  private final PersistentNode node;
  private boolean leading;

  public MasterContender(
      CuratorFramework client,
      String path,
      MasterInfo self,
      MasterDetector detector,
      Listener listener) {
    this.client = client;
    this.path = path;
    this.detector = detector;
    this.listener = listener;
    this.node =
        new PersistentNode(
            client,
            CreateMode.EPHEMERAL_SEQUENTIAL,
            false,
            path + "/" + MasterInfoCodec.ZNODE_PREFIX,
            MasterInfoCodec.encode(self));
  }

  public void start() throws Exception {
    client.createContainers(path);
    client.getConnectionStateListenable().addListener((c, state) -> onConnection(state));
    node.getListenable().addListener(n -> reevaluate());
    detector.addListener(leader -> reevaluate());
    node.start();
    node.waitForInitialCreate(30, TimeUnit.SECONDS);
    reevaluate();
  }

  /** The full path of this master's znode while it exists, else null. */
  public String ownZnode() {
    return node.getActualPath();
  }

  public synchronized boolean leading() {
    return leading;
  }

  private void onConnection(ConnectionState state) {
    if (!state.isConnected()) {
      setLeading(false);
    } else {
      reevaluate();
    }
  }

  private void reevaluate() {
    String own = node.getActualPath();
    Optional<String> leader = detector.leaderZnode();
    boolean lowest =
        own != null
            && client.getZookeeperClient().isConnected()
            && leader.isPresent()
            && own.equals(path + "/" + leader.get());
    setLeading(lowest);
  }

  private synchronized void setLeading(boolean now) {
    if (now == leading) {
      return;
    }
    leading = now;
    if (now) {
      LOG.info("elected leading master ({})", node.getActualPath());
      listener.elected();
    } else {
      LOG.warn("no longer the leading master");
      listener.demoted();
    }
  }

  @Override
  public void close() throws IOException {
    setLeading(false);
    node.close();
  }
}
