package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceEffect;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.instances.InstanceStateMachine;
import io.dcos.marathon.core.instances.Transition;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.server.store.InstanceRepository;
import io.dcos.marathon.server.store.InstanceRepository.StoredInstance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the instance state machine's transitions: stores the changed instance (or forgets an
 * expunged one) in PostgreSQL and in memory, then carries out the effects (backoff, health events,
 * kills). Invariant: an instance change is stored before any of its effects happen, and memory
 * changes only after the store did. Loop thread only.
 */
final class InstanceChanges {
  private final SchedulerState state;
  private final InstanceRepository instanceStore;
  private final InstanceRecords instanceRecords;
  private final SchedulerEvents events;
  private final TransactionTemplate tx;
  private final Supplier<SchedulerClient> client;

  /** One instance's transition as the state machine decided it. */
  record Change(Instance before, Transition transition) {}

  InstanceChanges(
      SchedulerState state,
      InstanceRepository instanceStore,
      InstanceRecords instanceRecords,
      SchedulerEvents events,
      TransactionTemplate tx,
      Supplier<SchedulerClient> client) {
    this.state = state;
    this.instanceStore = instanceStore;
    this.instanceRecords = instanceRecords;
    this.events = events;
    this.tx = tx;
    this.client = client;
  }

  void store(Instance before, Transition t) {
    if (t.expunged()) {
      instanceStore.delete(before.id().toString());
      state.instances.remove(before.id());
    } else {
      Instance next = t.next().orElseThrow();
      instanceStore.save(instanceRecords.toRow(next));
      state.instances.put(next.id(), next);
    }
  }

  /**
   * Stores many transitions in one transaction, writing only each instance's last state, then
   * applies them to memory in order. Their effects are the caller's to carry out afterwards.
   */
  void storeAll(List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Map<InstanceId, Transition> last = new LinkedHashMap<>();
    changes.forEach(c -> last.put(c.before().id(), c.transition()));
    List<StoredInstance> rows = new ArrayList<>();
    List<String> expunged = new ArrayList<>();
    last.forEach(
        (id, t) -> {
          if (t.expunged()) {
            expunged.add(id.toString());
          } else {
            rows.add(instanceRecords.toRow(t.next().orElseThrow()));
          }
        });
    tx.executeWithoutResult(
        s -> {
          if (!rows.isEmpty()) {
            instanceStore.saveAll(rows);
          }
          expunged.forEach(instanceStore::delete);
        });
    for (Change c : changes) {
      if (c.transition().expunged()) {
        state.instances.remove(c.before().id());
      } else {
        Instance next = c.transition().next().orElseThrow();
        state.instances.put(next.id(), next);
      }
    }
  }

  void effects(List<InstanceEffect> effects) {
    for (InstanceEffect e : effects) {
      if (e instanceof InstanceEffect.BackoffFailure f) {
        state.app(f.appId()).ifPresent(a -> state.delays.failed(a.id(), a.backoffStrategy()));
      } else if (e instanceof InstanceEffect.BackoffReset r) {
        state.delays.reset(r.appId());
      } else if (e instanceof InstanceEffect.HealthChanged h) {
        events.health(h.instance(), h.healthy());
      } else if (e instanceof InstanceEffect.UnhealthyKilled u) {
        events.unhealthyKilled(u.instance());
      } else if (e instanceof InstanceEffect.KillTask k) {
        killTask(k.instance());
      }
    }
  }

  void killTask(Instance i) {
    SchedulerClient c = client.get();
    if (c == null) {
      return;
    }
    TaskID id = TaskID.newBuilder().setValue(i.taskId()).build();
    AgentID agent = AgentID.newBuilder().setValue(i.agent().agentId()).build();
    Optional<AppDefinition> app = state.app(i.appId());
    if (app.isPresent() && app.get().taskKillGracePeriod() != null) {
      c.kill(id, agent, app.get().taskKillGracePeriod());
    } else {
      c.kill(id, agent);
    }
  }

  void decommission(Instance i) {
    Transition t = InstanceStateMachine.decommission(i);
    store(i, t);
    effects(t.effects());
  }

  /** Decommissions many instances with one transaction, then carries out their effects. */
  void decommissionAll(Collection<Instance> instances) {
    List<Change> all = new ArrayList<>();
    for (Instance i : instances) {
      all.add(new Change(i, InstanceStateMachine.decommission(i)));
    }
    storeAll(all);
    all.forEach(c -> effects(c.transition().effects()));
  }
}
