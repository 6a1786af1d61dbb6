package io.dcos.marathon.core.placement;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an agent is, as placement constraints see it: hostname, attributes (rendered as text) and
 * fault domain. Invariant: {@link #valueOf} gives what a constraint field reads on this agent.
 */
public record AgentPlace(
    String agentId,
    String hostname,
    Map<String, String> attributes,
    Optional<String> region,
    Optional<String> zone) {

  public AgentPlace {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(hostname, "hostname");
    attributes = Map.copyOf(attributes);
  }

  /**
   * The value of a constraint field here: {@code @hostname} (and Marathon's legacy {@code
   * hostname}), {@code @region}, {@code @zone}, or an attribute; empty when the agent lacks it.
   */
  public Optional<String> valueOf(String field) {
    return switch (field) {
      case Constraint.HOSTNAME, "hostname" -> Optional.of(hostname);
      case Constraint.REGION -> region;
      case Constraint.ZONE -> zone;
      default -> Optional.ofNullable(attributes.get(field));
    };
  }
}
