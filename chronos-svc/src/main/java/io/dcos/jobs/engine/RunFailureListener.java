package io.dcos.jobs.engine;

/**
 * Told on the leader when a run finished as failed, once its failure is stored; called on the
 * engine's thread, so it must hand slow work (network calls) to a thread of its own.
 */
@FunctionalInterface
public interface RunFailureListener {
  void runFailed(RunFailure failure);
}
