package io.dcos.kernel.agent.checkpoint;

import io.dcos.kernel.agent.containers.ContainerCheckpoint;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * What the agent recovers for one task after a restart: the task as launched, its framework, its
 * sandbox and container (absent when the launch never got that far), and its status updates that
 * the framework has not acknowledged yet, oldest first.
 */
public record TaskCheckpoint(
    FrameworkInfo framework,
    TaskInfo task,
    String containerId,
    Path sandbox,
    ContainerCheckpoint container,
    List<TaskStatus> pendingUpdates,
    TaskStatus latestStatus) {}
