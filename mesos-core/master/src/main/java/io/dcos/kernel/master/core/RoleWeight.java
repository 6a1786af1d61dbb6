package io.dcos.kernel.master.core;

/** An operator's weight for a role, as in Mesos's {@code WeightInfo}; valid weights are > 0. */
public record RoleWeight(String role, double weight) {}
