package io.dcos.dns.resolver;

import io.dcos.dns.records.RecordSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The record set being served, swapped atomically as a whole on every cluster change, with a serial
 * that grows on every swap (the SOA serial). Invariant: readers always see one complete set.
 */
public final class RecordStore {
  /** A published record set and its serial. */
  public record Zone(RecordSet records, long serial) {}

  private final AtomicReference<Zone> current;

  public RecordStore(RecordSet initial) {
    current = new AtomicReference<>(new Zone(initial, 1));
  }

  public Zone current() {
    return current.get();
  }

  public void publish(RecordSet records) {
    current.updateAndGet(z -> new Zone(records, z.serial() + 1));
  }
}
