package io.dcos.kernel.master.core;

import io.dcos.kernel.master.registry.Registrar;
import io.dcos.kernel.master.registry.RegistryOperation;
import io.dcos.kernel.protocol.operator.Registry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A registrar kept in memory, shared by successive masters of a scenario to model a failover. */
final class InMemoryRegistrar implements Registrar {
  private final Map<String, Registry.Agent> agents = new LinkedHashMap<>();
  private final Map<String, Registry.Framework> frameworks = new LinkedHashMap<>();
  private final Map<String, Registry.Weight> weights = new LinkedHashMap<>();
  private final Map<String, Registry.Quota> quotas = new LinkedHashMap<>();

  @Override
  public synchronized Registry recover() {
    return Registry.newBuilder()
        .addAllAgents(agents.values())
        .addAllFrameworks(frameworks.values())
        .addAllWeights(weights.values())
        .addAllQuotas(quotas.values())
        .build();
  }

  @Override
  public synchronized CompletableFuture<Void> apply(RegistryOperation op) {
    if (op instanceof RegistryOperation.PutAgent a) {
      agents.put(a.agent().getInfo().getId().getValue(), a.agent());
    } else if (op instanceof RegistryOperation.RemoveAgent a) {
      agents.remove(a.agentId());
    } else if (op instanceof RegistryOperation.PutFramework f) {
      frameworks.put(f.framework().getInfo().getId().getValue(), f.framework());
    } else if (op instanceof RegistryOperation.RemoveFramework f) {
      frameworks.remove(f.frameworkId());
    } else if (op instanceof RegistryOperation.PutWeight w) {
      weights.put(w.weight().getRole(), w.weight());
    } else if (op instanceof RegistryOperation.PutQuota q) {
      quotas.put(q.quota().getRole(), q.quota());
    } else if (op instanceof RegistryOperation.RemoveQuota q) {
      quotas.remove(q.role());
    }
    return CompletableFuture.completedFuture(null);
  }

  synchronized Registry.Quota quota(String role) {
    return quotas.get(role);
  }

  synchronized boolean hasFramework(String id) {
    return frameworks.containsKey(id);
  }
}
