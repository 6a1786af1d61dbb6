package io.dcos.identity.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The components whose health {@code /system/health/v1} reports, under {@code health.*}. The
 * router's configuration generator writes this list from the cluster configuration.
 */
@Validated
@ConfigurationProperties("health")
public record HealthProperties(
    // Longest one health endpoint may take before its component counts as down.
    @DefaultValue("1s") @NotNull Duration timeout,
    // Every component instance to check.
    @Valid List<Component> components) {

  public HealthProperties {
    components = components == null ? List.of() : List.copyOf(components);
  }

  /**
   * One component on one node.
   *
   * @param name component name, for example {@code mesos-master}
   * @param node address of the node it runs on
   * @param role {@code master} or {@code agent}
   * @param url its health endpoint: 2xx is up, another answer unhealthy, no answer down
   */
  public record Component(
      @NotBlank String name,
      @NotBlank String node,
      @DefaultValue("master") String role,
      @NotBlank String url) {}
}
