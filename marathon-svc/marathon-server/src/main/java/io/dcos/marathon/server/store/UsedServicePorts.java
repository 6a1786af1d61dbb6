package io.dcos.marathon.server.store;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.PortDefinition;
import io.dcos.marathon.core.model.PortMapping;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.core.placement.ServicePorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service ports the apps of one tree use, indexed so that giving an app free ports costs the
 * ports asked for, not the number of apps. The store keeps one for its current tree and updates it
 * with every write; a change takes ports through an {@link Allocation} that leaves the index as it
 * is until the change is stored. Invariant: {@link #used(int)} is true exactly for the ports of the
 * apps applied last.
 */
public final class UsedServicePorts {
  private final int min;
  private final int max;
  private final Map<PathId, List<Integer>> byApp = new HashMap<>();
  private final Map<Integer, Integer> users = new HashMap<>();
  // No port in [min, lowestFree) is free: the search for a free port starts here.
  private int lowestFree;

  UsedServicePorts(int min, int max) {
    this.min = min;
    this.max = max;
    this.lowestFree = min;
  }

  /** The ports of the apps of {@code root}, on Marathon's default range. */
  public static UsedServicePorts of(RootGroup root) {
    UsedServicePorts ports =
        new UsedServicePorts(ServicePorts.DEFAULT_MIN, ServicePorts.DEFAULT_MAX);
    for (AppDefinition app : root.apps()) {
      ports.put(app);
    }
    return ports;
  }

  /** The service ports of an app: of its port mappings, or of its port definitions. */
  public static List<Integer> servicePorts(AppDefinition app) {
    if (app.container() != null && !app.container().portMappings().isEmpty()) {
      return app.container().portMappings().stream().map(PortMapping::servicePort).toList();
    }
    return app.portDefinitions().stream().map(PortDefinition::port).toList();
  }

  /** Whether an app uses {@code port}. */
  public synchronized boolean used(int port) {
    return users.containsKey(port);
  }

  /** Records the ports of {@code app}, replacing those it had. */
  public synchronized void put(AppDefinition app) {
    release(app.id());
    List<Integer> ports = servicePorts(app).stream().filter(p -> p != 0).toList();
    byApp.put(app.id(), ports);
    ports.forEach(p -> users.merge(p, 1, Integer::sum));
  }

  /** Forgets the ports of the app {@code id}. */
  public synchronized void remove(PathId id) {
    release(id);
  }

  /** Applies a stored change: the apps written and the apps removed. */
  public synchronized void apply(Collection<AppDefinition> written, Collection<PathId> removed) {
    removed.forEach(this::release);
    written.forEach(this::put);
  }

  /** Starts taking ports for one change; the index itself changes only by {@link #apply}. */
  public Allocation allocate() {
    return new Allocation();
  }

  private void release(PathId id) {
    List<Integer> old = byApp.remove(id);
    if (old == null) {
      return;
    }
    for (int p : old) {
      if (users.merge(p, -1, Integer::sum) == 0) {
        users.remove(p);
        if (p >= min && p < lowestFree) {
          lowestFree = p;
        }
      }
    }
  }

  /** The lowest port from {@code from} up that no app of the index uses, or max + 1. */
  private synchronized int nextFree(int from) {
    if (from <= lowestFree) {
      while (lowestFree <= max && users.containsKey(lowestFree)) {
        lowestFree++;
      }
      return lowestFree;
    }
    int p = from;
    while (p <= max && users.containsKey(p)) {
      p++;
    }
    return p;
  }

  private synchronized List<Integer> portsOf(PathId id) {
    return byApp.getOrDefault(id, List.of());
  }

  private synchronized int users(int port) {
    return users.getOrDefault(port, 0);
  }

  /**
   * The ports of one change on top of the index: apps given ports in it replace their stored ports.
   * Not thread-safe; a change runs on one thread under the tree lock.
   */
  public final class Allocation {
    private final Map<PathId, List<Integer>> assigned = new HashMap<>();
    // Users of a port added (taken) or removed (released) by this change.
    private final Map<Integer, Integer> delta = new HashMap<>();
    // Ports in the range that this change released; some may be taken again.
    private final TreeSet<Integer> released = new TreeSet<>();
    private int cursor = min;

    private Allocation() {}

    /**
     * The ports for {@code requested} of app {@code id}: zeros become the lowest free ports, other
     * ports stay; empty when the range is exhausted. The app's previous ports are free for it.
     */
    public Optional<List<Integer>> assign(PathId id, List<Integer> requested) {
      List<Integer> previous = assigned.containsKey(id) ? assigned.get(id) : portsOf(id);
      for (int p : previous) {
        delta.merge(p, -1, Integer::sum);
        if (p >= min && p <= max && count(p) == 0) {
          released.add(p);
        }
      }
      Set<Integer> own = new HashSet<>();
      requested.stream().filter(p -> p != 0).forEach(own::add);
      List<Integer> out = new ArrayList<>(requested.size());
      for (int port : requested) {
        int chosen = port != 0 ? port : lowestFree(own);
        if (port == 0 && chosen > max) {
          previous.forEach(p -> delta.merge(p, 1, Integer::sum));
          return Optional.empty();
        }
        out.add(chosen);
        own.add(chosen);
      }
      out.forEach(p -> delta.merge(p, 1, Integer::sum));
      assigned.put(id, List.copyOf(out));
      return Optional.of(out);
    }

    private int count(int port) {
      return users(port) + delta.getOrDefault(port, 0);
    }

    private int lowestFree(Set<Integer> own) {
      int fromReleased = Integer.MAX_VALUE;
      for (Iterator<Integer> it = released.iterator(); it.hasNext(); ) {
        int p = it.next();
        if (count(p) > 0) {
          it.remove();
        } else if (!own.contains(p)) {
          fromReleased = p;
          break;
        }
      }
      int p = nextFree(cursor);
      while (p <= max && (count(p) > 0 || own.contains(p))) {
        p = nextFree(p + 1);
      }
      if (p < fromReleased && p <= max) {
        // Ports below p are used; any of them this change frees again goes to released.
        cursor = p + 1;
        return p;
      }
      return Math.min(p, fromReleased);
    }
  }
}
