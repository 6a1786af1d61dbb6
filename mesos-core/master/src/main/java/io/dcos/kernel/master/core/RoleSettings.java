package io.dcos.kernel.master.core;

import io.dcos.kernel.master.allocation.Quota;
import io.dcos.kernel.master.registry.RegistryOperation;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.model.Roles;
import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.Value;
import io.dcos.kernel.protocol.operator.Registry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's role weights and quotas on the leading master. A change is validated, written to
 * the registry, and only once durable applied to the cluster's maps and the allocator, followed by
 * an allocation pass. Invariant: {@code cluster.weights} and {@code cluster.quotas} hold exactly
 * what the registry holds for this term; nothing in them was ever refused by the registry.
 */
final class RoleSettings {
  private static final Logger LOG = LoggerFactory.getLogger(RoleSettings.class);

  private final MasterContext context;
  private final Cluster cluster;
  private final Runnable requestAllocation;

  /**
   * Quotas sent to the registry and not yet confirmed ({@link Quota#NONE} for a removal), so that
   * the capacity check of a following request counts them.
   */
  private final Map<String, Quota> pendingQuotas = new HashMap<>();

  RoleSettings(MasterContext context, Cluster cluster, Runnable requestAllocation) {
    this.context = context;
    this.cluster = cluster;
    this.requestAllocation = requestAllocation;
  }

  /** Sets the weights of the listed roles, all or none; a role listed twice gets its last one. */
  CompletableFuture<RoleSettingOutcome> updateWeights(List<RoleWeight> weights) {
    String invalid = invalidWeights(weights);
    if (invalid != null) {
      return CompletableFuture.completedFuture(RoleSettingOutcome.invalid(invalid));
    }
    CompletableFuture<?>[] writes =
        weights.stream()
            .map(
                w ->
                    context
                        .registrar()
                        .apply(
                            new RegistryOperation.PutWeight(
                                Registry.Weight.newBuilder()
                                    .setRole(w.role())
                                    .setWeight(w.weight())
                                    .build())))
            .toArray(CompletableFuture<?>[]::new);
    return CompletableFuture.allOf(writes)
        .handleAsync(
            (ok, error) -> {
              if (error != null) {
                LOG.warn("cannot record weights {}: {}", weights, error.toString());
                return RoleSettingOutcome.notDurable(error);
              }
              for (RoleWeight w : weights) {
                cluster.weights.put(w.role(), w.weight());
                cluster.allocator.setWeight(w.role(), w.weight());
              }
              LOG.info("role weights set: {}", weights);
              requestAllocation.run();
              return RoleSettingOutcome.APPLIED_OUTCOME;
            },
            context.loop());
  }

  /** Sets (or replaces) a role's quota. */
  CompletableFuture<RoleSettingOutcome> setQuota(QuotaRequest request) {
    String invalid = invalidQuota(request);
    if (invalid != null) {
      return CompletableFuture.completedFuture(RoleSettingOutcome.invalid(invalid));
    }
    String role = request.role();
    Quota quota =
        new Quota(
            ResourceConverter.fromProto(request.guarantee()),
            ResourceConverter.fromProto(request.limit()));
    if (!request.force()) {
      String misfit = exceedsCluster(role, quota.guarantee());
      if (misfit != null) {
        return CompletableFuture.completedFuture(RoleSettingOutcome.invalid(misfit));
      }
    }
    pendingQuotas.put(role, quota);
    Registry.Quota entry =
        Registry.Quota.newBuilder()
            .setRole(role)
            .addAllGuarantee(ResourceConverter.toProto(quota.guarantee()))
            .addAllLimit(ResourceConverter.toProto(quota.limit()))
            .build();
    return context
        .registrar()
        .apply(new RegistryOperation.PutQuota(entry))
        .handleAsync(
            (ok, error) -> {
              pendingQuotas.remove(role, quota);
              if (error != null) {
                LOG.warn("cannot record the quota of role {}: {}", role, error.toString());
                return RoleSettingOutcome.notDurable(error);
              }
              cluster.quotas.put(role, quota);
              cluster.allocator.setQuota(role, quota);
              LOG.info(
                  "quota of role {} set: guarantee {}, limit {}",
                  role,
                  quota.guarantee(),
                  quota.limit().isEmpty() ? "none" : quota.limit());
              requestAllocation.run();
              return RoleSettingOutcome.APPLIED_OUTCOME;
            },
            context.loop());
  }

  /** Removes a role's quota; NOT_FOUND when the role has none. */
  CompletableFuture<RoleSettingOutcome> removeQuota(String role) {
    String invalid = Roles.invalidReason(role);
    if (invalid != null) {
      return CompletableFuture.completedFuture(RoleSettingOutcome.invalid(invalid));
    }
    Quota current = pendingQuotas.getOrDefault(role, cluster.quotas.get(role));
    if (current == null || current.equals(Quota.NONE)) {
      return CompletableFuture.completedFuture(
          RoleSettingOutcome.notFound("role '" + role + "' has no quota"));
    }
    pendingQuotas.put(role, Quota.NONE);
    return context
        .registrar()
        .apply(new RegistryOperation.RemoveQuota(role))
        .handleAsync(
            (ok, error) -> {
              pendingQuotas.remove(role, Quota.NONE);
              if (error != null) {
                LOG.warn("cannot remove the quota of role {}: {}", role, error.toString());
                return RoleSettingOutcome.notDurable(error);
              }
              cluster.quotas.remove(role);
              cluster.allocator.setQuota(role, Quota.NONE);
              LOG.info("quota of role {} removed", role);
              requestAllocation.run();
              return RoleSettingOutcome.APPLIED_OUTCOME;
            },
            context.loop());
  }

  // ---- validation: pure functions of the request (and, for capacity, of the cluster) ----

  static String invalidWeights(List<RoleWeight> weights) {
    for (RoleWeight w : weights) {
      String why = Roles.invalidReason(w.role());
      if (why != null) {
        return why;
      }
      if (!(w.weight() > 0) || Double.isInfinite(w.weight())) {
        return "weight of role '" + w.role() + "' must be a positive number, got " + w.weight();
      }
    }
    return null;
  }

  static String invalidQuota(QuotaRequest request) {
    String role = request.role();
    String why = Roles.invalidReason(role);
    if (why != null) {
      return why;
    }
    if (Roles.DEFAULT.equals(role)) {
      return "quota cannot be set for the default role '*'";
    }
    why = invalidResources("guarantee", request.guarantee(), true);
    if (why == null) {
      why = invalidResources("limit", request.limit(), false);
    }
    if (why != null) {
      return why;
    }
    if (request.guarantee().isEmpty() && request.limit().isEmpty()) {
      return "quota of role '" + role + "' needs a guarantee or a limit";
    }
    for (Resource g : request.guarantee()) {
      for (Resource l : request.limit()) {
        if (l.getName().equals(g.getName())
            && l.getScalar().getValue() < g.getScalar().getValue()) {
          return "limit of "
              + g.getName()
              + " ("
              + l.getScalar().getValue()
              + ") is below its guarantee ("
              + g.getScalar().getValue()
              + ")";
        }
      }
    }
    return null;
  }

  private static String invalidResources(String field, List<Resource> resources, boolean zeroOk) {
    Set<String> seen = new HashSet<>();
    for (Resource r : resources) {
      String name = r.getName();
      if (name.isBlank()) {
        return field + " has a resource without a name";
      }
      if (r.getType() != Value.Type.SCALAR) {
        return field + " resource '" + name + "' is " + r.getType() + "; quota takes scalars only";
      }
      if (r.getReservationsCount() > 0) {
        return field + " resource '" + name + "' must not be reserved";
      }
      double value = r.getScalar().getValue();
      if (!(value >= 0) || Double.isInfinite(value)) {
        return field + " of " + name + " must be a non-negative number, got " + value;
      }
      if (!zeroOk && value == 0) {
        return field + " of " + name + " must be greater than zero";
      }
      if (!seen.add(name)) {
        return field + " names " + name + " more than once";
      }
    }
    return null;
  }

  /**
   * Why the guarantees of all roles, with {@code role}'s replaced by {@code guarantee}, do not fit
   * the resources of the cluster's reachable agents; null when they fit. A guarantee nested under
   * another guaranteed role is part of its ancestor's and is not counted twice.
   */
  private String exceedsCluster(String role, Resources guarantee) {
    Map<String, Resources> guarantees = new HashMap<>();
    cluster.quotas.forEach((r, q) -> guarantees.put(r, q.guarantee()));
    pendingQuotas.forEach((r, q) -> guarantees.put(r, q.guarantee()));
    guarantees.put(role, guarantee);
    guarantees.values().removeIf(Resources::isEmpty);
    Resources.Builder wanted = Resources.builder();
    guarantees.forEach(
        (r, g) -> {
          boolean nested =
              guarantees.keySet().stream()
                  .anyMatch(other -> !other.equals(r) && Roles.isSelfOrAncestor(other, r));
          if (!nested) {
            wanted.add(g);
          }
        });
    Resources.Builder capacity = Resources.builder();
    for (AgentRecord a : cluster.agents.values()) {
      if (a.reachable) {
        capacity.add(a.total);
      }
    }
    Resources total = capacity.build();
    Resources sum = wanted.build();
    for (String name : new TreeSet<>(sum.names())) {
      if (sum.scalar(name) > total.scalar(name)) {
        return "quota guarantees would total "
            + name
            + ":"
            + sum.scalar(name)
            + " but the cluster has "
            + name
            + ":"
            + total.scalar(name)
            + "; use force to set the quota anyway";
      }
    }
    return null;
  }
}
