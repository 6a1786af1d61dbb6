package io.dcos.marathon.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConstraintTest {

  private static AgentPlace agent(String host, Map<String, String> attrs) {
    return new AgentPlace("id-" + host, host, attrs, Optional.of("eu"), Optional.of("eu-1"));
  }

  @Test
  void parsesMarathonForms() {
    assertThat(Constraint.parse(List.of("@hostname", "UNIQUE")).constraint())
        .contains(Constraint.of("@hostname", ConstraintOperator.UNIQUE));
    assertThat(Constraint.parse(List.of("rack", "MAX_PER", "2")).constraint().orElseThrow().count())
        .contains(2);
    assertThat(Constraint.parse(List.of("rack", "GROUP_BY")).ok()).isTrue();
    assertThat(Constraint.of("rack", ConstraintOperator.LIKE, "r[12]").toList())
        .containsExactly("rack", "LIKE", "r[12]");
  }

  @Test
  void rejectsMalformedConstraintsWithAMessage() {
    assertThat(Constraint.parse(List.of("rack")).problems())
        .containsExactly("Each constraint must have either 2 or 3 fields");
    assertThat(Constraint.parse(List.of("rack", "NEAR")).problems().get(0))
        .startsWith("Constraint operator must be one of the following: [UNIQUE, CLUSTER");
    assertThat(Constraint.parse(List.of("rack", "MAX_PER", "x")).problems())
        .containsExactly("Value was not a valid integer");
    assertThat(Constraint.parse(List.of("rack", "MAX_PER")).problems())
        .containsExactly("Missing value");
    assertThat(Constraint.parse(List.of("rack", "LIKE", "([")).problems())
        .containsExactly("'([' is not a valid regular expression");
    assertThat(Constraint.parse(List.of("rack", "UNIQUE", "a")).problems())
        .containsExactly("Value specified but not used");
  }

  @Test
  void uniqueAndMaxPerCountInstancesOnTheSameValue() {
    AgentPlace a = agent("a", Map.of("rack", "r1"));
    AgentPlace b = agent("b", Map.of("rack", "r1"));
    Constraint unique = Constraint.of("@hostname", ConstraintOperator.UNIQUE);
    assertThat(ConstraintCheck.satisfied(unique, a, List.of())).isTrue();
    assertThat(ConstraintCheck.satisfied(unique, a, List.of(a))).isFalse();
    assertThat(ConstraintCheck.satisfied(unique, b, List.of(a))).isTrue();
    Constraint maxPer = Constraint.of("rack", ConstraintOperator.MAX_PER, "2");
    assertThat(ConstraintCheck.satisfied(maxPer, b, List.of(a))).isTrue();
    assertThat(ConstraintCheck.satisfied(maxPer, b, List.of(a, a))).isFalse();
  }

  @Test
  void clusterLikeUnlikeIsAndFaultDomainFields() {
    AgentPlace a = agent("a", Map.of("rack", "r1", "cores", "8"));
    AgentPlace b = agent("b", Map.of("rack", "r2"));
    AgentPlace bare = agent("c", Map.of());
    Constraint clusterAny = Constraint.of("rack", ConstraintOperator.CLUSTER);
    assertThat(ConstraintCheck.satisfied(clusterAny, b, List.of())).isTrue();
    assertThat(ConstraintCheck.satisfied(clusterAny, b, List.of(a))).isFalse();
    assertThat(
            ConstraintCheck.satisfied(
                Constraint.of("rack", ConstraintOperator.CLUSTER, "r1"), a, List.of()))
        .isTrue();
    Constraint like = Constraint.of("rack", ConstraintOperator.LIKE, "r[1]");
    Constraint unlike = Constraint.of("rack", ConstraintOperator.UNLIKE, "r[1]");
    assertThat(ConstraintCheck.satisfied(like, a, List.of())).isTrue();
    assertThat(ConstraintCheck.satisfied(like, b, List.of())).isFalse();
    assertThat(ConstraintCheck.satisfied(like, bare, List.of())).isFalse();
    assertThat(ConstraintCheck.satisfied(unlike, b, List.of())).isTrue();
    assertThat(ConstraintCheck.satisfied(unlike, bare, List.of())).isTrue();
    assertThat(
            ConstraintCheck.satisfied(
                Constraint.of("cores", ConstraintOperator.IS, "8.0"), a, List.of()))
        .isTrue();
    assertThat(
            ConstraintCheck.satisfied(
                Constraint.of("@zone", ConstraintOperator.IS, "eu-1"), a, List.of()))
        .isTrue();
    assertThat(
            ConstraintCheck.satisfied(
                Constraint.of("@region", ConstraintOperator.IS, "us"), a, List.of()))
        .isFalse();
  }

  @Test
  void groupBySpreadsOverValues() {
    AgentPlace r1 = agent("a", Map.of("rack", "r1"));
    AgentPlace r2 = agent("b", Map.of("rack", "r2"));
    AgentPlace r3 = agent("c", Map.of("rack", "r3"));
    Constraint groupBy = Constraint.of("rack", ConstraintOperator.GROUP_BY, "3");
    // r1 and r2 are used once each: a third rack is fine, r1 again is not until three racks exist.
    assertThat(ConstraintCheck.satisfied(groupBy, r3, List.of(r1, r2))).isTrue();
    assertThat(ConstraintCheck.satisfied(groupBy, r1, List.of(r1, r2))).isFalse();
    assertThat(ConstraintCheck.satisfied(groupBy, r1, List.of(r1, r2, r3))).isTrue();
    assertThat(ConstraintCheck.satisfied(groupBy, r1, List.of(r1, r2, r3, r1))).isFalse();
  }
}
