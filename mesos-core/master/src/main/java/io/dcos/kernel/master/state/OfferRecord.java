package io.dcos.kernel.master.state;

import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.Offer;

/** An outstanding offer: resources the allocator handed to one framework's role. */
public record OfferRecord(
    String id, String frameworkId, String agentId, String role, Resources resources, Offer offer) {}
