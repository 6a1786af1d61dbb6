package io.dcos.marathon.core.placement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches an instance's {@link ResourceRequest} against one offer. Resources reserved for an
 * accepted role are used before unreserved ones; a requested host port is taken exactly, port 0
 * takes the lowest free offered port. Invariant: pure; a match never takes more than the offer
 * holds in the accepted roles, and every failed check is reported.
 */
public final class OfferMatcher {
  private static final double EPSILON = 1e-9;

  private OfferMatcher() {}

  /** Matches {@code request} on {@code offer}, {@code placed} being the app's current agents. */
  public static MatchResult match(
      OfferView offer, ResourceRequest request, Collection<AgentPlace> placed) {
    List<NoMatchReason> reasons = new ArrayList<>();
    List<RolePool> usable = usablePools(offer, request);
    if (usable.isEmpty()) {
      reasons.add(NoMatchReason.of(NoMatchReason.Kind.UNFULFILLED_ROLE));
    }
    List<ResourceTake> takes = new ArrayList<>();
    for (ScalarKind kind : ScalarKind.values()) {
      double wanted = request.amount(kind);
      if (wanted <= 0) {
        continue;
      }
      List<ResourceTake> taken = takeScalar(kind, wanted, usable);
      if (taken == null) {
        reasons.add(NoMatchReason.of(NoMatchReason.insufficient(kind)));
      } else {
        takes.addAll(taken);
      }
    }
    List<Integer> hostPorts = new ArrayList<>();
    Set<Integer> chosen = new HashSet<>();
    for (int wanted : request.hostPorts()) {
      ResourceTake.Port port = takePort(wanted, usable, chosen);
      if (port == null) {
        reasons.add(
            NoMatchReason.of(
                NoMatchReason.Kind.INSUFFICIENT_PORTS, wanted == 0 ? "any" : "" + wanted));
        break;
      }
      chosen.add(port.port());
      hostPorts.add(port.port());
      takes.add(port);
    }
    AgentPlace here = offer.place();
    for (Constraint c : request.constraints()) {
      if (!ConstraintCheck.satisfied(c, here, placed)) {
        reasons.add(NoMatchReason.of(NoMatchReason.Kind.UNFULFILLED_CONSTRAINT, c.toString()));
      }
    }
    if (!reasons.isEmpty()) {
      return new MatchResult.NoMatch(offer.offerId(), reasons);
    }
    return new MatchResult.Match(offer, takes, hostPorts);
  }

  /** Pools of accepted roles, reserved ones first. */
  private static List<RolePool> usablePools(OfferView offer, ResourceRequest request) {
    List<RolePool> reserved = new ArrayList<>();
    List<RolePool> unreserved = new ArrayList<>();
    for (RolePool pool : offer.pools()) {
      if (!request.acceptedRoles().contains(pool.role())) {
        continue;
      }
      (pool.role().equals(RolePool.UNRESERVED) ? unreserved : reserved).add(pool);
    }
    reserved.addAll(unreserved);
    return reserved;
  }

  private static List<ResourceTake> takeScalar(
      ScalarKind kind, double wanted, List<RolePool> pools) {
    List<ResourceTake> takes = new ArrayList<>();
    double left = wanted;
    for (RolePool pool : pools) {
      double here = Math.min(left, pool.amount(kind));
      if (here > EPSILON) {
        takes.add(new ResourceTake.Scalar(kind, pool.role(), here));
        left -= here;
      }
      if (left <= EPSILON) {
        return takes;
      }
    }
    return null;
  }

  private static ResourceTake.Port takePort(int wanted, List<RolePool> pools, Set<Integer> chosen) {
    for (RolePool pool : pools) {
      for (PortRange range : pool.ports()) {
        if (wanted != 0) {
          if (range.contains(wanted) && !chosen.contains(wanted)) {
            return new ResourceTake.Port(wanted, pool.role());
          }
          continue;
        }
        for (int p = range.begin(); p <= range.end(); p++) {
          if (!chosen.contains(p)) {
            return new ResourceTake.Port(p, pool.role());
          }
        }
      }
    }
    return null;
  }

  /**
   * What is left of {@code offer} after {@code match}, so that more instances can be matched on the
   * same offer.
   */
  public static OfferView remainder(MatchResult.Match match) {
    OfferView offer = match.offer();
    List<RolePool> left = new ArrayList<>();
    for (RolePool pool : offer.pools()) {
      double[] amounts = {pool.cpus(), pool.mem(), pool.disk(), pool.gpus()};
      Set<Integer> usedPorts = new HashSet<>();
      for (ResourceTake take : match.takes()) {
        if (!take.role().equals(pool.role())) {
          continue;
        }
        if (take instanceof ResourceTake.Scalar s) {
          amounts[s.kind().ordinal()] = Math.max(0, amounts[s.kind().ordinal()] - s.amount());
        } else if (take instanceof ResourceTake.Port p) {
          usedPorts.add(p.port());
        }
      }
      left.add(
          new RolePool(
              pool.role(),
              amounts[0],
              amounts[1],
              amounts[2],
              amounts[3],
              withoutPorts(pool.ports(), usedPorts)));
    }
    return new OfferView(
        offer.offerId(),
        offer.agentId(),
        offer.hostname(),
        offer.attributes(),
        offer.region(),
        offer.zone(),
        left);
  }

  private static List<PortRange> withoutPorts(List<PortRange> ranges, Set<Integer> used) {
    if (used.isEmpty()) {
      return ranges;
    }
    List<PortRange> out = new ArrayList<>();
    for (PortRange r : ranges) {
      int start = r.begin();
      for (int p = r.begin(); p <= r.end(); p++) {
        if (used.contains(p)) {
          if (p > start) {
            out.add(new PortRange(start, p - 1));
          }
          start = p + 1;
        }
      }
      if (start <= r.end()) {
        out.add(new PortRange(start, r.end()));
      }
    }
    return out;
  }
}
