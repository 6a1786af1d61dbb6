package io.dcos.kernel.master.election;

import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.curator.framework.CuratorFramework;
import org.springframework.context.SmartLifecycle;

/**
 * Joins the election once the master's servers are listening, and leaves it on shutdown. Also the
 * registry's fencing token: the path of this master's znode while it leads.
 */
public final class Leadership implements SmartLifecycle {
  private final MasterContender contender;
  private volatile boolean running;

  public Leadership(
      CuratorFramework client,
      String path,
      MasterInfo self,
      MasterDetector detector,
      MasterContender.Listener listener) {
    this.contender = new MasterContender(client, path, self, detector, listener);
  }

  /** This master's leader znode while it leads, else null. */
  public String fencingNode() {
    return contender.leading() ? contender.ownZnode() : null;
  }

  @Override
  public void start() {
    try {
      contender.start();
      running = true;
    } catch (Exception e) {
      throw new IllegalStateException("cannot join the masters' election: " + e.getMessage(), e);
    }
  }

  @Override
  public void stop() {
    running = false;
    try {
      contender.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the gRPC server (default phase) so a new leader can serve at once. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
