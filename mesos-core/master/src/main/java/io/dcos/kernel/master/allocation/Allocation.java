package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Resources;

/** One decision of an allocation pass: offer these resources of an agent to a framework's role. */
public record Allocation(String frameworkId, String role, String agentId, Resources resources) {}
