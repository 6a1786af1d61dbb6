package io.dcos.dns.records;

/** An SRV target: the host name (in the zone, absolute without the trailing dot) and port. */
public record Srv(String target, int port) {}
