package io.dcos.marathon.server.leadership;

import io.dcos.marathon.server.config.ZooKeeperProperties;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election among marathon-svc instances with a Curator leader latch. The participant id is
 * this instance's advertised {@code host:port}, so standbys know where to proxy. Listeners run on
 * one thread in election order.
 */
public final class LeaderElection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

  private final CuratorFramework curator;
  private final String latchPath;
  private volatile String self;
  private final Supplier<List<LeadershipListener>> listeners;
  private final ExecutorService notifier =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "leadership");
            t.setDaemon(true);
            return t;
          });
  private volatile LeaderLatch latch;
  private volatile boolean leader;

  public LeaderElection(
      CuratorFramework curator,
      ZooKeeperProperties zk,
      Supplier<List<LeadershipListener>> listeners) {
    this.curator = curator;
    this.latchPath = zk.path() + "/leader";
    this.listeners = listeners;
  }

  /** Joins the election as {@code hostAndPort}, the address standbys proxy to. */
  public synchronized void start(String hostAndPort) throws Exception {
    this.self = hostAndPort;
    start();
  }

  private void start() throws Exception {
    LeaderLatch next = new LeaderLatch(curator, latchPath, self);
    next.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            notifier.execute(() -> changed(next, true));
          }

          @Override
          public void notLeader() {
            notifier.execute(() -> changed(next, false));
          }
        });
    next.start();
    latch = next;
  }

  private void changed(LeaderLatch source, boolean leads) {
    if (source != latch && leads) {
      return;
    }
    if (leads == leader) {
      return;
    }
    leader = leads;
    log.info("{} {} leader", self, leads ? "is now" : "is no longer");
    for (LeadershipListener l : listeners.get()) {
      try {
        if (leads) {
          l.onElected();
        } else {
          l.onDefeated();
        }
      } catch (RuntimeException e) {
        log.error("leadership listener {} failed", l, e);
      }
    }
  }

  /** True while this instance leads. */
  public boolean isLeader() {
    return leader && latch != null && latch.hasLeadership();
  }

  /** This instance's {@code host:port}, null before it joined the election. */
  public String self() {
    return self;
  }

  /** The leader's {@code host:port}, if one is elected. */
  public Optional<String> leader() {
    LeaderLatch current = latch;
    if (current == null) {
      return Optional.empty();
    }
    try {
      Participant p = current.getLeader();
      return p.isLeader() && !p.getId().isEmpty() ? Optional.of(p.getId()) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * Gives up leadership and joins the election again, as {@code DELETE /v2/leader} asks. Another
   * instance is preferred; alone, this one is elected again.
   */
  public synchronized void abdicate() throws Exception {
    LeaderLatch old = latch;
    notifier.execute(() -> changed(old, false));
    old.close(LeaderLatch.CloseMode.NOTIFY_LEADER);
    start();
  }

  @Override
  public synchronized void close() throws IOException {
    LeaderLatch current = latch;
    if (current != null) {
      current.close(LeaderLatch.CloseMode.NOTIFY_LEADER);
    }
    notifier.shutdown();
  }
}
