package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Resources;
import java.util.ArrayList;
import java.util.List;

/**
 * One allocation pass, in Mesos's two stages. First, for every agent, roles whose top-level quota
 * guarantee is not yet met are served (the guarantee stage); then every agent's remaining free
 * resources go to the role with the lowest weighted dominant share, and within it to the framework
 * with the lowest dominant share, walking the role tree in its sorted order (the fair-share stage).
 * Each grant updates shares at once, so the next agent sees the new order. Invariant: a grant never
 * exceeds the agent's free resources, so nothing is offered twice.
 */
final class AllocationPass {
  private final AllocationLedger ledger;
  private final QuotaBook quotas;
  private final OfferFilters filters;
  private final OfferShaper shaper;
  private final long passNumber;
  private final List<Allocation> out = new ArrayList<>();

  AllocationPass(
      AllocationLedger ledger,
      QuotaBook quotas,
      OfferFilters filters,
      OfferShaper shaper,
      long passNumber) {
    this.ledger = ledger;
    this.quotas = quotas;
    this.filters = filters;
    this.shaper = shaper;
    this.passNumber = passNumber;
  }

  List<Allocation> run() {
    shaper.refreshRequiredHeadroom();
    List<AgentState> agents = ledger.agents.inOrder();
    int n = agents.size();
    if (n == 0 || ledger.roles.root().offerableCount == 0) {
      return out;
    }
    // Rotate the starting agent from pass to pass so no agent is always served first.
    int start = (int) Math.floorMod(passNumber * 7919L, (long) n);
    if (!quotas.topGuarantees().isEmpty()) {
      List<QuotaBook.RoleQuota> lacking = lackingGuarantees();
      for (int i = 0; i < n && !lacking.isEmpty(); i++) {
        lacking = serveGuarantees(agents.get((start + i) % n), lacking);
      }
    }
    RoleNode root = ledger.roles.root();
    for (int i = 0; i < n; i++) {
      AgentState agent = agents.get((start + i) % n);
      while (agent.active && agent.freeMeetsMinimum && visit(root, agent, null)) {
        // Leftovers (resources reserved to other roles, or cut by quota) may suit another role.
      }
    }
    return out;
  }

  /**
   * Top-level guaranteed roles that still lack resources and have frameworks wanting offers, lowest
   * weighted share first like every other role.
   */
  private List<QuotaBook.RoleQuota> lackingGuarantees() {
    List<QuotaBook.RoleQuota> lacking = new ArrayList<>();
    for (QuotaBook.RoleQuota q : quotas.topGuarantees()) {
      RoleNode node = ledger.roles.find(q.role());
      if (node != null && node.offerableCount > 0 && shaper.isUnsatisfied(q)) {
        lacking.add(q);
      }
    }
    lacking.sort(
        (a, b) ->
            ShareNode.ORDER.compare(ledger.roles.find(a.role()), ledger.roles.find(b.role())));
    return lacking;
  }

  /** Serves the lacking guarantees from one agent and returns those still lacking. */
  private List<QuotaBook.RoleQuota> serveGuarantees(
      AgentState agent, List<QuotaBook.RoleQuota> lacking) {
    boolean granted = true;
    while (granted && !lacking.isEmpty() && agent.active && agent.freeMeetsMinimum) {
      granted = false;
      for (QuotaBook.RoleQuota q : lacking) {
        if (visit(ledger.roles.find(q.role()), agent, q)) {
          granted = true;
          lacking = lackingGuarantees();
          break;
        }
      }
    }
    return lacking;
  }

  /** Offers the agent to the first framework role below {@code node} that takes it. */
  private boolean visit(ShareNode node, AgentState agent, QuotaBook.RoleQuota guaranteeStage) {
    if (node.offerableCount(agent.hasGpus) == 0) {
      return false;
    }
    if (node instanceof RoleLeaf leaf) {
      return offerToLeaf(leaf, agent, guaranteeStage);
    }
    RoleNode inner = (RoleNode) node;
    if (!inner.isRoot() && shaper.limitReached(inner)) {
      return false;
    }
    for (ShareNode child : inner.children) {
      // Returning right after a grant matters: the grant re-sorts these children.
      if (visit(child, agent, guaranteeStage)) {
        return true;
      }
    }
    return false;
  }

  private boolean offerToLeaf(RoleLeaf leaf, AgentState agent, QuotaBook.RoleQuota stage) {
    Offer offer = shaper.offer(agent, leaf, stage);
    if (offer == null) {
      return false;
    }
    for (FrameworkRole fr : agent.hasGpus ? leaf.gpuCandidates : leaf.candidates) {
      String frameworkId = fr.framework.id;
      if (filters.any(frameworkId) && filters.blocks(frameworkId, agent.id, offer.resources())) {
        continue;
      }
      grant(fr, agent, offer);
      return true;
    }
    return false;
  }

  private void grant(FrameworkRole fr, AgentState agent, Offer offer) {
    Resources resources = offer.resources();
    ledger.hold(fr, agent, resources, offer.quantities());
    ledger.agents.setFree(
        agent, offer.wholeAgent() ? Resources.EMPTY : agent.free.minus(resources));
    if (quotas.topGuaranteeOf(fr.leaf) != null) {
      shaper.refreshRequiredHeadroom();
    }
    record(fr, agent, resources);
  }

  /** Adds to the output, merging a second grant of the same agent to the same framework role. */
  private void record(FrameworkRole fr, AgentState agent, Resources resources) {
    if (agent.offeredInPass != passNumber) {
      agent.offeredInPass = passNumber;
      agent.offersThisPass.clear();
    }
    for (int index : agent.offersThisPass) {
      Allocation earlier = out.get(index);
      if (earlier.frameworkId().equals(fr.framework.id) && earlier.role().equals(fr.role)) {
        out.set(
            index,
            new Allocation(
                earlier.frameworkId(),
                earlier.role(),
                agent.id,
                earlier.resources().plus(resources)));
        return;
      }
    }
    agent.offersThisPass.add(out.size());
    out.add(new Allocation(fr.framework.id, fr.role, agent.id, resources));
  }
}
