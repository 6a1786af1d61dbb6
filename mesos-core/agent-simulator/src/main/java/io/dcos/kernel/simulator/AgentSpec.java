package io.dcos.kernel.simulator;

import io.dcos.kernel.model.AttributeText;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.protocol.AgentInfo;
import io.dcos.kernel.protocol.Attribute;
import io.dcos.kernel.protocol.DomainInfo;
import io.dcos.kernel.protocol.Resource;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What a simulated agent advertises: a fake hostname (nothing listens there), resources, attributes
 * and fault domain. Invariant: the hostname is not blank.
 */
public record AgentSpec(
    String hostname, List<Resource> resources, List<Attribute> attributes, DomainInfo domain) {
  public AgentSpec {
    if (hostname == null || hostname.isBlank()) {
      throw new IllegalArgumentException("a simulated agent needs a hostname");
    }
    resources = List.copyOf(resources);
    attributes = List.copyOf(attributes);
  }

  /**
   * An agent from the command-line text forms, for example {@code cpus:4;mem:8192;ports:[31000-
   * 32000]} and {@code rack:r1;zone:a}.
   */
  public static AgentSpec of(String hostname, String resources, String attributes) {
    return new AgentSpec(
        hostname,
        ResourceConverter.toProto(ResourceText.parse(resources)),
        AttributeText.parse(attributes),
        DomainInfo.getDefaultInstance());
  }

  /**
   * Agents named {@code <prefix>-<n>.sim} with the same resources and attributes, spread over
   * {@code racks} values of a {@code rack} attribute when {@code racks > 0}.
   */
  public static IntFunction<AgentSpec> uniform(
      String prefix, String resources, String attributes, int racks) {
    List<Resource> res = ResourceConverter.toProto(ResourceText.parse(resources));
    List<Attribute> attrs = AttributeText.parse(attributes);
    return i -> {
      List<Attribute> all = attrs;
      if (racks > 0) {
        all = new java.util.ArrayList<>(attrs);
        all.addAll(AttributeText.parse("rack:rack-" + (i % racks)));
      }
      return new AgentSpec(
          String.format("%s-%05d.sim", prefix, i), res, all, DomainInfo.getDefaultInstance());
    };
  }

  /** The AgentInfo sent in Register; {@code id} is empty for a new agent. */
  AgentInfo toAgentInfo() {
    return AgentInfo.newBuilder()
        .setHostname(hostname)
        .setPort(5051)
        .addAllResources(resources)
        .addAllAttributes(attributes)
        .setDomain(domain)
        .build();
  }
}
