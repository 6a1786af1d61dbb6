package io.dcos.kernel.master.allocation;

import java.util.Map;

/** What the allocator knows of an agent besides its resources. */
public record AgentProfile(
    String hostname, Map<String, String> attributes, String region, String zone) {}
