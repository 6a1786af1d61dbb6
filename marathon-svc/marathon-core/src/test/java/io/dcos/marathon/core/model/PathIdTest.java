package io.dcos.marathon.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathIdTest {
  @Test
  void parsesAbsoluteAndRelativePaths() {
    PathId web = PathId.parse("/prod/web");
    assertThat(web.segments()).containsExactly("prod", "web");
    assertThat(web.toString()).isEqualTo("/prod/web");
    assertThat(PathId.parse("prod/web/")).isEqualTo(web);
    assertThat(web.parent().resolve("../db")).isEqualTo(PathId.parse("/db"));
    assertThat(web.parent().resolve("./cache")).isEqualTo(PathId.parse("/prod/cache"));
    assertThat(web.resolve("/other")).isEqualTo(PathId.parse("/other"));
    assertThat(PathId.ROOT.parent()).isEqualTo(PathId.ROOT);
    assertThat(PathId.ROOT.toString()).isEqualTo("/");
  }

  @Test
  void knowsAncestorsAndDescendants() {
    PathId app = PathId.parse("/a/b/c");
    assertThat(app.ancestors())
        .containsExactly(PathId.ROOT, PathId.parse("/a"), PathId.parse("/a/b"));
    assertThat(app.isDescendantOf(PathId.parse("/a"))).isTrue();
    assertThat(app.isDescendantOf(app)).isFalse();
    assertThat(PathId.parse("/ab").isDescendantOf(PathId.parse("/a"))).isFalse();
    assertThat(app.safePath()).isEqualTo("a_b_c");
    assertThat(app.hostname()).isEqualTo("c.b.a");
  }
}
