package io.dcos.jobs.leader;

import java.util.Optional;

/** Who leads the chronos-svc instances, as the APIs report it. */
public interface LeaderView {
  boolean isLeader();

  /** The leader's {@code host:port}, when one is known. */
  Optional<String> leader();
}
