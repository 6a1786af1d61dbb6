package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Resources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The offer filters in force, indexed by framework and agent for the allocation loop and by expiry
 * for {@link Allocator#nextFilterExpiry}. Invariant: both indexes hold the same filters.
 */
final class OfferFilters {
  private final Map<String, Map<String, List<OfferFilter>>> byFramework = new HashMap<>();
  private final TreeSet<OfferFilter> byExpiry = new TreeSet<>(OfferFilter.BY_EXPIRY);
  private long sequence;

  void add(String frameworkId, String agentId, Resources refused, Instant expiry) {
    OfferFilter filter = new OfferFilter(frameworkId, agentId, refused, expiry, sequence++);
    byFramework
        .computeIfAbsent(frameworkId, k -> new HashMap<>())
        .computeIfAbsent(agentId, k -> new ArrayList<>(1))
        .add(filter);
    byExpiry.add(filter);
  }

  /** True when the framework has any filter; most frameworks have none. */
  boolean any(String frameworkId) {
    return byFramework.containsKey(frameworkId);
  }

  /** True when a filter of the framework on the agent withholds this offer. */
  boolean blocks(String frameworkId, String agentId, Resources offer) {
    Map<String, List<OfferFilter>> byAgent = byFramework.get(frameworkId);
    if (byAgent == null) {
      return false;
    }
    List<OfferFilter> filters = byAgent.get(agentId);
    if (filters == null) {
      return false;
    }
    for (OfferFilter f : filters) {
      if (f.blocks(offer)) {
        return true;
      }
    }
    return false;
  }

  /** Drops the filters whose expiry is at or before {@code now}. */
  void expire(Instant now) {
    while (!byExpiry.isEmpty() && !byExpiry.first().expiry().isAfter(now)) {
      unindex(byExpiry.pollFirst());
    }
  }

  void clearFramework(String frameworkId) {
    Map<String, List<OfferFilter>> byAgent = byFramework.remove(frameworkId);
    if (byAgent != null) {
      byAgent.values().forEach(byExpiry::removeAll);
    }
  }

  void clearAgent(String agentId) {
    Iterator<OfferFilter> it = byExpiry.iterator();
    List<OfferFilter> gone = new ArrayList<>();
    while (it.hasNext()) {
      OfferFilter f = it.next();
      if (f.agentId().equals(agentId)) {
        it.remove();
        gone.add(f);
      }
    }
    gone.forEach(this::unindex);
  }

  Optional<Instant> earliestExpiry() {
    return byExpiry.isEmpty() ? Optional.empty() : Optional.of(byExpiry.first().expiry());
  }

  private void unindex(OfferFilter f) {
    Map<String, List<OfferFilter>> byAgent = byFramework.get(f.frameworkId());
    if (byAgent == null) {
      return;
    }
    List<OfferFilter> filters = byAgent.get(f.agentId());
    if (filters == null) {
      return;
    }
    filters.remove(f);
    if (filters.isEmpty()) {
      byAgent.remove(f.agentId());
      if (byAgent.isEmpty()) {
        byFramework.remove(f.frameworkId());
      }
    }
  }
}
