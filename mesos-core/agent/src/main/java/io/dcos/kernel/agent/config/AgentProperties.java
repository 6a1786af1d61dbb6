package io.dcos.kernel.agent.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of an agent, bound from {@code mesos.agent.*} (Mesos flags such as {@code --work_dir}
 * are translated to these). Wrong values stop the agent at start with a message naming the field.
 *
 * @param master ZooKeeper URL where the masters are elected, {@code zk://host:port/path}
 * @param ip address to listen on and to advertise as the tasks' HOST
 * @param port HTTP port of the agent (state, sandbox files)
 * @param hostname hostname to advertise; the ip when empty
 * @param workDir directory for sandboxes and checkpoints; must survive agent restarts
 * @param resources resources to offer in Mesos's text form; entries not given are detected
 * @param attributes attributes in Mesos's text form, for example {@code rack:r1;zone:a}
 * @param region fault domain region (empty: none)
 * @param zone fault domain zone (empty: none)
 * @param containerizers which containerizers to enable, in order: {@code mesos}, {@code docker}
 * @param cgroupsRoot name of the cgroup under each controller that holds the tasks' cgroups
 * @param dockerSocket the Docker engine's socket
 * @param statusUpdateRetry first retry of an unacknowledged status update; doubles each time
 * @param statusUpdateMaxRetry longest wait between retries of a status update
 * @param registrationBackoff longest wait before trying to reach the master again
 * @param defaultKillGracePeriod grace period of a kill that names none
 * @param zkSessionTimeout ZooKeeper session timeout of the agent's master detection
 */
@Validated
@ConfigurationProperties("mesos.agent")
public record AgentProperties(
    @NotBlank
        @Pattern(regexp = "zk://.+/.*", message = "must look like zk://host:port/path")
        @DefaultValue("zk://127.0.0.1:2181/mesos")
        String master,
    @NotBlank @DefaultValue("127.0.0.1") String ip,
    @Min(0) @Max(65535) @DefaultValue("5051") int port,
    @DefaultValue("") String hostname,
    @NotBlank @DefaultValue("/var/lib/mesos/agent") String workDir,
    @DefaultValue("") String resources,
    @DefaultValue("") String attributes,
    @DefaultValue("") String region,
    @DefaultValue("") String zone,
    @NotNull @DefaultValue({"mesos", "docker"}) List<String> containerizers,
    @NotBlank @DefaultValue("mesos") String cgroupsRoot,
    @NotBlank @DefaultValue("unix:///var/run/docker.sock") String dockerSocket,
    @NotNull @DefaultValue("10s") Duration statusUpdateRetry,
    @NotNull @DefaultValue("10m") Duration statusUpdateMaxRetry,
    @NotNull @DefaultValue("2s") Duration registrationBackoff,
    @NotNull @DefaultValue("3s") Duration defaultKillGracePeriod,
    @NotNull @DefaultValue("10s") Duration zkSessionTimeout) {

  public String advertisedHostname() {
    return hostname.isBlank() ? ip : hostname;
  }
}
