package io.dcos.marathon.core.model;

/** A key/value passed to the Docker command line ({@code --key=value}). */
public record Parameter(String key, String value) {}
