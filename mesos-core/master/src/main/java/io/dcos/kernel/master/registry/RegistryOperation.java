package io.dcos.kernel.master.registry;

import io.dcos.kernel.protocol.operator.Registry;

/** One durable change to the master's registry. Applied in order; each is idempotent. */
public sealed interface RegistryOperation {
  /** Admits or updates an agent (reachable or, with unreachable_time set, unreachable). */
  record PutAgent(Registry.Agent agent) implements RegistryOperation {}

  record RemoveAgent(String agentId) implements RegistryOperation {}

  record PutFramework(Registry.Framework framework) implements RegistryOperation {}

  record RemoveFramework(String frameworkId) implements RegistryOperation {}

  record PutWeight(Registry.Weight weight) implements RegistryOperation {}

  record PutQuota(Registry.Quota quota) implements RegistryOperation {}

  record RemoveQuota(String role) implements RegistryOperation {}
}
