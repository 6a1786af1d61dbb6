package io.dcos.kernel.master.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of a master, bound from {@code mesos.master.*} (Mesos flags such as {@code --zk} are
 * translated to these). Wrong values stop the master at start with a message naming the field.
 *
 * @param zk ZooKeeper URL of the masters, {@code zk://host:port[,host:port]/path}
 * @param ip address to listen on and advertise
 * @param port HTTP port (state endpoints, metrics)
 * @param grpcPort port of the gRPC server (scheduler, agent and operator streams)
 * @param hostname hostname to advertise; the ip when empty
 * @param cluster human readable name of the cluster
 * @param region fault domain region of this master (empty: none)
 * @param zone fault domain zone of this master (empty: none)
 * @param zkSessionTimeout ZooKeeper session timeout: how long a dead leader keeps its leadership
 *     before a standby takes over; shorter fails over faster but risks needless failovers
 * @param heartbeatInterval how often frameworks get HEARTBEAT events and agents send heartbeats
 * @param agentPingTimeout silence after which an agent is marked unreachable
 * @param agentReregisterTimeout after a failover, how long agents have to re-register before their
 *     tasks are declared unreachable
 * @param defaultRefuse refuse filter of a DECLINE that names none (Mesos: 5 s)
 * @param maxCompletedTasksPerFramework finished tasks kept per framework for the state endpoints
 * @param maxCompletedFrameworks removed frameworks kept for the state endpoints
 */
@Validated
@ConfigurationProperties("mesos.master")
public record MasterProperties(
    @NotBlank
        @Pattern(regexp = "zk://.+/.*", message = "must look like zk://host:port/path")
        @DefaultValue("zk://127.0.0.1:2181/mesos")
        String zk,
    @NotBlank @DefaultValue("127.0.0.1") String ip,
    @Min(1) @Max(65535) @DefaultValue("5050") int port,
    @Min(1) @Max(65535) @DefaultValue("5060") int grpcPort,
    @DefaultValue("") String hostname,
    @DefaultValue("dcos") String cluster,
    @DefaultValue("") String region,
    @DefaultValue("") String zone,
    @NotNull @DefaultValue("2s") Duration zkSessionTimeout,
    @NotNull @DefaultValue("5s") Duration heartbeatInterval,
    @NotNull @DefaultValue("15s") Duration agentPingTimeout,
    @NotNull @DefaultValue("2m") Duration agentReregisterTimeout,
    @NotNull @DefaultValue("5s") Duration defaultRefuse,
    @Min(0) @DefaultValue("1000") int maxCompletedTasksPerFramework,
    @Min(0) @DefaultValue("50") int maxCompletedFrameworks) {

  /** The advertised hostname: the configured one, or the ip. */
  public String advertisedHostname() {
    return hostname.isBlank() ? ip : hostname;
  }
}
