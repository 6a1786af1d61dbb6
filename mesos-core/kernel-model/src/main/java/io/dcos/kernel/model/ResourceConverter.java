package io.dcos.kernel.model;

import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Converts between the wire {@link Resource} list and the domain {@link Resources} bag. */
public final class ResourceConverter {
  private ResourceConverter() {}

  public static Resources fromProto(List<Resource> resources) {
    Resources.Builder b = Resources.builder();
    for (Resource r : resources) {
      String role = roleOf(r);
      switch (r.getType()) {
        case SCALAR -> b.scalar(r.getName(), role, r.getScalar().getValue());
        case RANGES -> {
          List<ValueRanges.Range> ranges = new ArrayList<>();
          for (Value.Range range : r.getRanges().getRangeList()) {
            ranges.add(new ValueRanges.Range(range.getBegin(), range.getEnd()));
          }
          b.ranges(r.getName(), role, ValueRanges.of(ranges));
        }
        case SET -> b.set(r.getName(), role, Set.copyOf(r.getSet().getItemList()));
        default ->
            throw new IllegalArgumentException(
                "resource " + r.getName() + " has unsupported type " + r.getType());
      }
    }
    return b.build();
  }

  /** The role a wire resource is reserved to: the last (most refined) reservation, or "*". */
  public static String roleOf(Resource r) {
    if (r.getReservationsCount() == 0) {
      return ResourceKey.UNRESERVED;
    }
    return r.getReservations(r.getReservationsCount() - 1).getRole();
  }

  public static List<Resource> toProto(Resources resources) {
    return toProto(resources, null);
  }

  /** Converts, stamping each resource with the role it is allocated to when one is given. */
  public static List<Resource> toProto(Resources resources, String allocationRole) {
    List<Resource> out = new ArrayList<>();
    for (ResourceKey k : resources.scalarKeys()) {
      out.add(
          base(k, allocationRole)
              .setType(Value.Type.SCALAR)
              .setScalar(Value.Scalar.newBuilder().setValue(resources.scalar(k)))
              .build());
    }
    for (ResourceKey k : resources.rangeKeys()) {
      Value.Ranges.Builder ranges = Value.Ranges.newBuilder();
      for (ValueRanges.Range r : resources.ranges(k).ranges()) {
        ranges.addRange(Value.Range.newBuilder().setBegin(r.begin()).setEnd(r.end()));
      }
      out.add(base(k, allocationRole).setType(Value.Type.RANGES).setRanges(ranges).build());
    }
    for (ResourceKey k : resources.setKeys()) {
      out.add(
          base(k, allocationRole)
              .setType(Value.Type.SET)
              .setSet(Value.Set.newBuilder().addAllItem(resources.set(k)))
              .build());
    }
    return out;
  }

  private static Resource.Builder base(ResourceKey k, String allocationRole) {
    Resource.Builder b = Resource.newBuilder().setName(k.name());
    if (k.reserved()) {
      b.addReservations(
          Resource.ReservationInfo.newBuilder()
              .setType(Resource.ReservationInfo.Type.STATIC)
              .setRole(k.role()));
    }
    if (allocationRole != null) {
      b.setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole(allocationRole));
    }
    return b;
  }
}
