package io.dcos.kernel.master.allocation;

import java.util.Set;

/**
 * What the allocator knows of a framework: its roles, the roles it suppressed, and whether it may
 * be offered GPUs (GPU_RESOURCES capability; others never see agents' gpus).
 */
public record FrameworkProfile(Set<String> roles, Set<String> suppressedRoles, boolean gpuAware) {}
