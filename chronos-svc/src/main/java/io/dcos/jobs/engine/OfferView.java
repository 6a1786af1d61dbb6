package io.dcos.jobs.engine;

import java.util.Map;

/** The part of a resource offer that placement reads: free scalars and agent attributes. */
public record OfferView(
    String offerId,
    String agentId,
    String hostname,
    double cpus,
    double mem,
    double disk,
    Map<String, String> attributes) {
  public OfferView {
    attributes = Map.copyOf(attributes);
  }

  /** The attribute a constraint names; {@code hostname} is the agent's host name. */
  public String attribute(String name) {
    return name.equals("hostname") ? hostname : attributes.get(name);
  }

  OfferView minus(double c, double m, double d) {
    return new OfferView(offerId, agentId, hostname, cpus - c, mem - m, disk - d, attributes);
  }
}
