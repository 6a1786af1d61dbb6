package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.model.AttributeText;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.protocol.Attribute;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.Value;
import io.dcos.marathon.core.placement.OfferView;
import io.dcos.marathon.core.placement.PortRange;
import io.dcos.marathon.core.placement.RolePool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts the kernel's offers into the placement's kernel-free {@link OfferView}. */
final class OfferViews {
  private OfferViews() {}

  static OfferView of(Offer offer) {
    Map<String, double[]> scalars = new LinkedHashMap<>();
    Map<String, List<PortRange>> ports = new HashMap<>();
    for (Resource r : offer.getResourcesList()) {
      String role = ResourceConverter.roleOf(r);
      double[] amounts = scalars.computeIfAbsent(role, k -> new double[4]);
      ports.computeIfAbsent(role, k -> new ArrayList<>());
      switch (r.getName()) {
        case "cpus" -> amounts[0] += r.getScalar().getValue();
        case "mem" -> amounts[1] += r.getScalar().getValue();
        case "disk" -> amounts[2] += r.getScalar().getValue();
        case "gpus" -> amounts[3] += r.getScalar().getValue();
        case "ports" -> {
          for (Value.Range range : r.getRanges().getRangeList()) {
            ports.get(role).add(new PortRange((int) range.getBegin(), (int) range.getEnd()));
          }
        }
        default -> {}
      }
    }
    List<RolePool> pools = new ArrayList<>();
    scalars.forEach(
        (role, a) -> pools.add(new RolePool(role, a[0], a[1], a[2], a[3], ports.get(role))));
    Map<String, String> attributes = new HashMap<>();
    for (Attribute a : offer.getAttributesList()) {
      attributes.put(a.getName(), AttributeText.valueOf(a));
    }
    Optional<String> region = Optional.empty();
    Optional<String> zone = Optional.empty();
    if (offer.hasDomain() && offer.getDomain().hasFaultDomain()) {
      var fd = offer.getDomain().getFaultDomain();
      region = Optional.of(fd.getRegion().getName()).filter(s -> !s.isEmpty());
      zone = Optional.of(fd.getZone().getName()).filter(s -> !s.isEmpty());
    }
    return new OfferView(
        offer.getId().getValue(),
        offer.getAgentId().getValue(),
        offer.getHostname(),
        attributes,
        region,
        zone,
        pools);
  }
}
