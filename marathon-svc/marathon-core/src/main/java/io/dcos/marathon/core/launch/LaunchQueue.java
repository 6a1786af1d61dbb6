package io.dcos.marathon.core.launch;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instances waiting for offers, per app, with the app version to launch. The supervisor and the
 * deployment executor set how many are wanted; the offer handler takes them one at a time.
 * Invariant: an app is in the queue only while it has instances to launch.
 */
public final class LaunchQueue {
  private final LaunchDelays delays;
  private final Map<PathId, Pending> pending = new TreeMap<>();

  private record Pending(AppDefinition app, int count) {}

  public LaunchQueue(LaunchDelays delays) {
    this.delays = delays;
  }

  /** Sets the number of instances of {@code app} (this version) still to launch; 0 removes it. */
  public void set(AppDefinition app, int count) {
    if (count <= 0) {
      pending.remove(app.id());
    } else {
      pending.put(app.id(), new Pending(app, count));
    }
  }

  /** How many instances of {@code appId} wait. */
  public int count(PathId appId) {
    Pending p = pending.get(appId);
    return p == null ? 0 : p.count();
  }

  /** Apps whose instances may be launched now (not delayed), with their versions and counts. */
  public Map<AppDefinition, Integer> launchable() {
    Map<AppDefinition, Integer> out = new java.util.LinkedHashMap<>();
    pending.values().stream()
        .filter(p -> delays.mayLaunch(p.app().id()))
        .forEach(p -> out.put(p.app(), p.count()));
    return out;
  }

  /** One instance of {@code appId} was handed to the kernel. */
  public void launched(PathId appId) {
    Pending p = pending.get(appId);
    if (p != null) {
      set(p.app(), p.count() - 1);
    }
  }

  /** True when nothing may be launched now, so offers can be suppressed. */
  public boolean idle() {
    return launchable().isEmpty();
  }

  /** True when nothing waits at all, delayed or not. */
  public boolean empty() {
    return pending.isEmpty();
  }

  /** The queue as {@code GET /v2/queue} shows it. */
  public List<QueueEntry> entries() {
    List<QueueEntry> out = new ArrayList<>();
    for (Pending p : pending.values()) {
      Duration left = delays.timeLeft(p.app().id());
      out.add(new QueueEntry(p.app(), p.count(), left, left.isZero()));
    }
    return out;
  }
}
