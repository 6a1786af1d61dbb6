package io.dcos.marathon.server.config;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where the instances elect their leader, under {@code marathon.zk.*}. */
@Validated
@ConfigurationProperties("marathon.zk")
public record ZooKeeperProperties(
    // zk://host:port[,host:port]/path; the path holds the leader latch.
    @DefaultValue("zk://127.0.0.1:2181/marathon") @NotBlank String url,
    // ZooKeeper session timeout: how long a dead leader keeps its leadership.
    @DefaultValue("10s") Duration sessionTimeout,
    // How long to wait for a connection.
    @DefaultValue("10s") Duration connectionTimeout) {

  /** The host:port list of the URL. */
  public String connectString() {
    String rest = url.replaceFirst("^zk://", "");
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  /** The path of the URL, {@code /marathon} by default. */
  public String path() {
    String rest = url.replaceFirst("^zk://", "");
    int slash = rest.indexOf('/');
    String path = slash < 0 ? "/marathon" : rest.substring(slash);
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
