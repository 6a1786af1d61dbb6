package io.dcos.marathon.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
  private static final Map<String, String> LABELS = Map.of("env", "prod", "tier", "web");

  @Test
  void selectorsOfMarathon() {
    assertThat(LabelSelector.parse("env").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("owner").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("env==prod").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("env!=prod").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("env in (dev, prod)").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("env notin (dev,prod)").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("env==prod,tier in (web,db)").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("env==prod,tier==db").test(LABELS)).isFalse();
  }

  @Test
  void malformedSelectorsAreRejected() {
    assertThatThrownBy(() -> LabelSelector.parse("env=prod")).isInstanceOf(ApiException.class);
  }
}
