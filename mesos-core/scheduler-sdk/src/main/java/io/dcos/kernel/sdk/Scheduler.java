package io.dcos.kernel.sdk;

import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.ExecutorID;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.TaskStatus;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a framework hears from the kernel. Invariant: the SDK calls these methods one at a time, in
 * the order the master sent the events, on the SDK's single callback thread, never on a gRPC
 * thread; a callback may call {@link SchedulerClient} methods. Exceptions thrown here are logged
 * and do not stop later callbacks.
 */
public interface Scheduler {
  /**
   * The framework is subscribed, the first time or again after a disconnection or a change of
   * leading master. {@code frameworkId} is the same on every re-subscription.
   */
  void subscribed(FrameworkID frameworkId, MasterInfo master);

  /** New resource offers; answer each with accept or decline. */
  void offers(List<Offer> offers);

  /** The master took an offer back; calls on it will fail. */
  default void rescinded(OfferID offerId) {}

  /**
   * A task's status changed. When {@code status.uuid} is not empty the framework must call {@link
   * SchedulerClient#acknowledge(TaskStatus)} once it has durably handled the update; until then the
   * agent resends it and holds back the task's later updates.
   */
  void update(TaskStatus status);

  /** A message from an executor. */
  default void message(AgentID agentId, ExecutorID executorId, byte[] data) {}

  /** An agent, or an executor on it when {@code executorId} is set, was lost. */
  default void failure(AgentID agentId, ExecutorID executorId, OptionalInt status) {}

  /** The master reported an error, for example an invalid call or a refused subscription. */
  default void error(String message) {}

  /**
   * The subscription is lost (stream failed, heartbeats missed, or the leader changed). The SDK
   * re-subscribes by itself; calls fail with {@link NotSubscribedException} until {@link
   * #subscribed} is called again. Outstanding offers are void.
   */
  default void disconnected(String reason) {}
}
