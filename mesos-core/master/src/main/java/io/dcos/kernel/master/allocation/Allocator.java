package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which framework is offered which agent's free resources. Pure logic: the master calls it
 * on its single event loop, with time passed in, and turns the returned {@link Allocation}s into
 * offers. Invariants: resources are never offered twice, never beyond what an agent has, and
 * reserved resources only go to their role (or its sub-roles).
 *
 * <p>Everything handed out by {@link #allocate} counts as allocated to that framework until the
 * master gives it back with {@link #recoverResources} (offer declined, rescinded, or the part of an
 * offer an ACCEPT did not use, or a task that ended).
 */
public interface Allocator {

  void addAgent(String agentId, AgentProfile profile, Resources total, Map<String, Resources> used);

  /** Changes an agent's total resources (for example after a re-registration). */
  void updateAgent(String agentId, Resources total);

  void removeAgent(String agentId);

  /** Agents are active when added; an unreachable agent is deactivated and offered nothing. */
  void activateAgent(String agentId);

  void deactivateAgent(String agentId);

  /**
   * Adds a framework with what it already uses per agent (known after a master failover from
   * agents' tasks).
   */
  void addFramework(String frameworkId, FrameworkProfile profile, Map<String, Resources> used);

  void updateFramework(String frameworkId, FrameworkProfile profile);

  /** Forgets the framework; its allocations must have been recovered or the agents removed. */
  void removeFramework(String frameworkId);

  /** Frameworks are active when added; a disconnected framework is deactivated. */
  void activateFramework(String frameworkId);

  void deactivateFramework(String frameworkId);

  /** Records resources the framework now uses on the agent without an offer (task re-adopted). */
  void addUsed(String frameworkId, String agentId, Resources used);

  /**
   * Gives resources back from a framework. A positive {@code refuse} installs an offer filter:
   * these resources on this agent are not offered to the framework again before now + refuse.
   */
  void recoverResources(
      String frameworkId, String agentId, Resources resources, Duration refuse, Instant now);

  /** Clears the framework's offer filters and unsuppresses the roles (all its roles if empty). */
  void revive(String frameworkId, Set<String> roles);

  /** Stops offers to the framework for the roles (all its roles if empty). */
  void suppress(String frameworkId, Set<String> roles);

  void setWeight(String role, double weight);

  /** Sets (or with {@link Quota#NONE}, removes) a role's quota. */
  void setQuota(String role, Quota quota);

  /**
   * Runs one allocation pass over every active agent and framework and returns what to offer.
   * Returned resources count as allocated from now on.
   */
  List<Allocation> allocate(Instant now);

  /** The earliest instant an offer filter expires, so the master can allocate again then. */
  Optional<Instant> nextFilterExpiry();
}
