package io.dcos.jobs.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Claimed runs without a live task: those whose due time is still ahead (grouped by due time, so
 * the runs of one second become ready together) and those ready for an offer, oldest first.
 * Invariant: a run is in at most one of the two. Thread-safe; timers, the engine and the framework
 * read it.
 */
public final class RunQueue {
  private final NavigableMap<Instant, Map<String, WaitingRun>> pending = new TreeMap<>();
  private final Map<String, Instant> pendingDue = new LinkedHashMap<>();
  private final Map<String, WaitingRun> ready = new LinkedHashMap<>();

  /**
   * Holds {@code run} until {@code due}; true when no other run waits for that due time yet, so the
   * caller arms one wake-up per due time.
   */
  public synchronized boolean hold(WaitingRun run, Instant due) {
    if (ready.containsKey(run.id()) || pendingDue.containsKey(run.id())) {
      return false;
    }
    Map<String, WaitingRun> group = pending.get(due);
    boolean first = group == null;
    if (first) {
      group = new LinkedHashMap<>();
      pending.put(due, group);
    }
    group.put(run.id(), run);
    pendingDue.put(run.id(), due);
    return first;
  }

  /** Makes {@code run} ready for an offer now. */
  public synchronized void ready(WaitingRun run) {
    Instant due = pendingDue.remove(run.id());
    if (due != null) {
      removePending(run.id(), due);
    }
    ready.put(run.id(), run);
  }

  /** Moves every run due at or before {@code now} to the ready runs; returns how many moved. */
  public synchronized int promote(Instant now) {
    int moved = 0;
    Iterator<Map.Entry<Instant, Map<String, WaitingRun>>> it =
        pending.headMap(now, true).entrySet().iterator();
    while (it.hasNext()) {
      for (WaitingRun r : it.next().getValue().values()) {
        pendingDue.remove(r.id());
        ready.put(r.id(), r);
        moved++;
      }
      it.remove();
    }
    return moved;
  }

  /** The earliest due time of the runs not yet ready. */
  public synchronized Optional<Instant> firstDue() {
    return pending.isEmpty() ? Optional.empty() : Optional.of(pending.firstKey());
  }

  /** The ready runs, oldest first. */
  public synchronized List<WaitingRun> readyRuns() {
    return new ArrayList<>(ready.values());
  }

  /** Forgets a run (launched, stopped or gone), wherever it waits. */
  public synchronized void remove(String runId) {
    ready.remove(runId);
    Instant due = pendingDue.remove(runId);
    if (due != null) {
      removePending(runId, due);
    }
  }

  private void removePending(String runId, Instant due) {
    Map<String, WaitingRun> group = pending.get(due);
    if (group != null) {
      group.remove(runId);
      if (group.isEmpty()) {
        pending.remove(due);
      }
    }
  }

  public synchronized boolean hasReady() {
    return !ready.isEmpty();
  }

  /** Whether any run waits, ready or not yet due: offers are worth keeping. */
  public synchronized boolean isEmpty() {
    return ready.isEmpty() && pending.isEmpty();
  }

  public synchronized void clear() {
    pending.clear();
    pendingDue.clear();
    ready.clear();
  }
}
