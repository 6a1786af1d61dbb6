package io.dcos.kernel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ResourcesTest {

  @Test
  void parsesMesosTextWithReservationsRangesAndSets() {
    Resources r =
        ResourceText.parse(
            "cpus:4;mem:1024.5;ports:[31000-31005,31010-31010];cpus(db):2;zones:{a,b}");
    assertThat(r.scalar("cpus")).isEqualTo(6.0);
    assertThat(r.scalar(new ResourceKey("cpus", "db"))).isEqualTo(2.0);
    assertThat(r.scalar("mem")).isEqualTo(1024.5);
    assertThat(r.ranges("ports").size()).isEqualTo(7);
    assertThat(r.set(new ResourceKey("zones", null))).containsExactly("a", "b");
    assertThat(r.reservedRoles()).containsExactly("db");
    assertThat(r.toString())
        .isEqualTo("cpus:4;cpus(db):2;mem:1024.5;ports:[31000-31005,31010-31010];zones:{a,b}");
  }

  @Test
  void badTextSaysWhichEntryIsWrong() {
    assertThatThrownBy(() -> ResourceText.parse("cpus:4;mem=12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mem=12");
    assertThatThrownBy(() -> ResourceText.parse("cpus:-1")).hasMessageContaining("non-negative");
    assertThatThrownBy(() -> ResourceText.parse("ports:[5-1]")).hasMessageContaining("after end");
    assertThatThrownBy(() -> ResourceText.parse("cpus(a b):1")).hasMessageContaining("role");
  }

  @Test
  void reservedResourcesAreOnlyAllocatableToTheirRoleAndItsChildren() {
    Resources r = ResourceText.parse("cpus:4;cpus(eng):2;mem(ops):100");
    assertThat(r.allocatableTo("eng").scalar("cpus")).isEqualTo(6.0);
    assertThat(r.allocatableTo("eng/web").scalar("cpus")).isEqualTo(6.0);
    assertThat(r.allocatableTo("engineering").scalar("cpus")).isEqualTo(4.0);
    assertThat(r.allocatableTo("eng").scalar("mem")).isEqualTo(0.0);
  }

  @Test
  void protoRoundTripKeepsRolesAndRanges() {
    Resources r = ResourceText.parse("cpus:0.5;mem(db):64;ports:[80-81]");
    assertThat(ResourceConverter.fromProto(ResourceConverter.toProto(r))).isEqualTo(r);
  }

  @Property
  void addingThenSubtractingGivesBackTheOriginal(
      @ForAll @IntRange(max = 100_000) int cpuMillis,
      @ForAll @IntRange(max = 100_000) int otherMillis,
      @ForAll @IntRange(min = 1000, max = 2000) int portBegin,
      @ForAll @IntRange(max = 50) int portCount) {
    Resources a =
        Resources.builder()
            .scalar("cpus", cpuMillis / 1000.0)
            .ranges("ports", ValueRanges.of(portBegin, portBegin + portCount))
            .build();
    Resources b = Resources.builder().scalar("cpus", otherMillis / 1000.0).build();
    Resources sum = a.plus(b);
    assertThat(sum.contains(a)).isTrue();
    assertThat(sum.contains(b)).isTrue();
    assertThat(sum.minus(b)).isEqualTo(a);
  }

  @Test
  void rangesCoalesceAndSubtract() {
    ValueRanges r =
        ValueRanges.of(
            List.of(
                new ValueRanges.Range(1, 3),
                new ValueRanges.Range(4, 6),
                new ValueRanges.Range(10, 12)));
    assertThat(r.toString()).isEqualTo("[1-6, 10-12]");
    assertThat(r.minus(ValueRanges.of(3, 10)).toString()).isEqualTo("[1-2, 11-12]");
    assertThat(r.first(7).toString()).isEqualTo("[1-6, 10-10]");
    assertThat(r.contains(ValueRanges.of(5, 6))).isTrue();
    assertThat(r.contains(ValueRanges.of(6, 7))).isFalse();
  }
}
