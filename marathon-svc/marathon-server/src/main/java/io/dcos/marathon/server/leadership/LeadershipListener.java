package io.dcos.marathon.server.leadership;

/**
 * A component that works only on the leader (the scheduler, the store cache). Beans implementing it
 * are told when this instance gains and loses leadership, in that order, on one thread.
 */
public interface LeadershipListener {
  /** This instance leads from now on. */
  void onElected();

  /** This instance no longer leads; stop acting as leader at once. */
  void onDefeated();
}
