package io.dcos.jobs.leader;

import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election between chronos-svc instances with a Curator {@link LeaderLatch}; each
 * participant's id is its advertised {@code host:port}, so followers know where the leader serves.
 * Invariant: {@code onLead} and {@code onLose} alternate, starting with {@code onLead}.
 */
public final class Leadership implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  /** What to do when this instance gains or loses leadership. */
  public interface Listener {
    void lead();

    void lose();
  }

  private final LeaderLatch latch;

  public Leadership(CuratorFramework curator, String path, String id, Listener listener) {
    this.latch = new LeaderLatch(curator, path, id);
    latch.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            LOG.info("{} leads", id);
            listener.lead();
          }

          @Override
          public void notLeader() {
            LOG.info("{} no longer leads", id);
            listener.lose();
          }
        });
  }

  public void start() {
    try {
      latch.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot join the leader election", e);
    }
  }

  public boolean isLeader() {
    return latch.hasLeadership();
  }

  /** The leader's {@code host:port}, when one is known. */
  public Optional<String> leader() {
    try {
      Participant p = latch.getLeader();
      return p.isLeader() ? Optional.of(p.getId()) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      latch.close();
    } catch (java.io.IOException e) {
      LOG.warn("leaving the election failed: {}", e.getMessage());
    }
  }
}
