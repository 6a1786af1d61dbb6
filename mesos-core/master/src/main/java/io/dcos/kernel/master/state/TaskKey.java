package io.dcos.kernel.master.state;

/** Identifies a task: task ids are unique within their framework only. */
public record TaskKey(String frameworkId, String taskId) {}
