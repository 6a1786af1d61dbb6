package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Resources;
import java.time.Instant;
import java.util.Comparator;

/**
 * A framework's refusal of some resources of one agent until {@code expiry}: an offer made of a
 * subset of {@code refused} is withheld from the framework until then. {@code sequence} orders
 * filters that expire at the same instant.
 */
record OfferFilter(
    String frameworkId, String agentId, Resources refused, Instant expiry, long sequence) {
  static final Comparator<OfferFilter> BY_EXPIRY =
      Comparator.comparing(OfferFilter::expiry).thenComparingLong(OfferFilter::sequence);

  boolean blocks(Resources offer) {
    return refused.contains(offer);
  }
}
