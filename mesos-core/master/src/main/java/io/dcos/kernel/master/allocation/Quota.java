package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Resources;

/**
 * A role's quota: {@code guarantee} is set aside for the role before others are served, and the
 * role is never allocated beyond {@code limit} (empty limit: no limit).
 */
public record Quota(Resources guarantee, Resources limit) {
  public static final Quota NONE = new Quota(Resources.EMPTY, Resources.EMPTY);
}
