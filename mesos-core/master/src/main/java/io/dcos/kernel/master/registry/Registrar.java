package io.dcos.kernel.master.registry;

import io.dcos.kernel.protocol.operator.Registry;
import java.util.concurrent.CompletableFuture;

/**
 * The master's durable registry (admitted agents, frameworks, weights, quota). Only the leader
 * writes; a write from a master that lost leadership fails. Invariant: a completed future means the
 * operation is durable and will be seen by {@link #recover()} of any later leader.
 */
public interface Registrar {
  /** Reads the whole registry; called by a newly elected leader before it serves. */
  Registry recover() throws Exception;

  /** Applies the operation; writes are batched, and futures complete in order. */
  CompletableFuture<Void> apply(RegistryOperation operation);
}
