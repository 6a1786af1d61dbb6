package io.dcos.dns.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The DNS service's settings, under {@code dns.*}. */
@Validated
@ConfigurationProperties("dns")
public record DnsProperties(
    // The zone served authoritatively; every other name is forwarded.
    @DefaultValue("mesos") @NotBlank String domain,
    // TTL of every record in the zone.
    @DefaultValue("60s") Duration ttl,
    // Address the UDP and TCP listeners and the HTTP API bind.
    @DefaultValue("0.0.0.0") @NotBlank String listenIp,
    // DNS port (53 in a cluster install); 0 picks a free one.
    @DefaultValue("61053") @Min(0) @Max(65535) int port,
    // Port of the HTTP API (/v1/...).
    @DefaultValue("8123") @Min(0) @Max(65535) int httpPort,
    // Where the masters elect their leader.
    @DefaultValue("zk://127.0.0.1:2181/mesos") @NotBlank String zk,
    // ZooKeeper session timeout; a session lost for longer triggers a full resync when it is back.
    @DefaultValue("10s") Duration zkSessionTimeout,
    // Upstream resolvers for names outside the domain, "ip" or "ip:port", asked in order.
    @DefaultValue("") List<String> resolvers,
    // How long one upstream resolver may take.
    @DefaultValue("5s") Duration timeout,
    // Largest UDP answer sent to EDNS0 clients; others get 512 bytes.
    @DefaultValue("1232") @Min(512) @Max(65535) int ednsSize,
    // Address published for ns1.<domain>; the listen address when empty.
    @DefaultValue("") String advertisedIp,
    // Mailbox of the SOA record, relative to the domain.
    @DefaultValue("root.ns1") @NotBlank String soaRname,
    // Threads answering queries.
    @DefaultValue("8") @Min(1) int threads,
    // Pause before subscribing again after the operator stream ended; doubled while it keeps
    // failing, up to eight times.
    @DefaultValue("500ms") Duration resubscribeDelay) {

  public DnsProperties {
    resolvers = resolvers.stream().filter(r -> !r.isBlank()).toList();
  }

  /** The address published for the name server. */
  public String nameServerIp() {
    if (!advertisedIp.isBlank()) {
      return advertisedIp;
    }
    return listenIp.equals("0.0.0.0") || listenIp.equals("::") ? "127.0.0.1" : listenIp;
  }
}
