package io.dcos.marathon.core.model;

/** An app secret: where the secret store keeps its value. */
public record Secret(String source) {}
