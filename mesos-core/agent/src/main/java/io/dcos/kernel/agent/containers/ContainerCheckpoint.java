package io.dcos.kernel.agent.containers;

import java.nio.file.Path;
import java.util.Map;

/**
 * The durable facts about a container: its kind ({@code process} or {@code docker}), its id, the
 * sandbox, and kind-specific fields (pid and its start time, Docker container id, cgroup path).
 */
public record ContainerCheckpoint(
    String kind, String containerId, Path sandbox, Map<String, String> fields) {}
