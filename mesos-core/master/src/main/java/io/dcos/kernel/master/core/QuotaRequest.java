package io.dcos.kernel.master.core;

import io.dcos.kernel.protocol.Resource;
import java.util.List;

/**
 * An operator's request to set a role's quota: resources set aside for the role ({@code guarantee})
 * and the most it may be allocated ({@code limit}, empty for no limit). Unless {@code force}, the
 * guarantees of all roles together must fit the cluster's current resources.
 */
public record QuotaRequest(
    String role, List<Resource> guarantee, List<Resource> limit, boolean force) {
  public QuotaRequest {
    guarantee = List.copyOf(guarantee);
    limit = List.copyOf(limit);
  }
}
