package io.dcos.kernel.agent.containers;

import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.TaskInfo;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything needed to start one task: the task as the framework sent it, a sandbox directory that
 * already exists (fetched URIs are in it), the complete environment (the agent computes MESOS_*,
 * PORT0..n, HOST) and the resources that bound its cgroup limits.
 */
public record LaunchSpec(
    String containerId,
    String frameworkId,
    TaskInfo task,
    Path sandbox,
    Map<String, String> environment,
    Resources limits) {}
