package io.dcos.marathon.core.deployment;

import static io.dcos.marathon.core.deployment.PlannerScenario.app;
import static io.dcos.marathon.core.deployment.PlannerScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeploymentPlannerTest {

  @Test
  void newAppIsStartedAtZeroThenScaled() {
    DeploymentPlan plan =
        given()
            .put(app("/web", 3))
            .plan()
            .expectSteps("StartApplication /web", "ScaleApplication /web")
            .expectScaleTo("/web", 3)
            .expectAffected("/web")
            .result();
    DeploymentAction start = plan.steps().get(0).actions().get(0);
    assertThat(start.app().instances()).isZero();
  }

  @Test
  void removedAppsStopFirstAndUnchangedAppsAreLeftAlone() {
    given(app("/old", 2), app("/keep", 1))
        .remove("/old")
        .put(app("/new", 1))
        .plan()
        .expectSteps("StopApplication /old", "StartApplication /new", "ScaleApplication /new")
        .expectAffected("/old", "/new");
  }

  @Test
  void scalingIsNotARestartButAConfigChangeOrRestartRequestIs() {
    given(app("/a", 2), app("/b", 2), app("/c", 2))
        .scale("/a", 5)
        .change("/b", x -> x.cmd("sleep 2000"))
        .restart("/c")
        .plan()
        .expectSteps("RestartApplication /b, RestartApplication /c, ScaleApplication /a")
        .expectScaleTo("/a", 5);
  }

  @Test
  void dependenciesOrderTheSteps() {
    given(app("/db", 1), app("/api", 1, "/db"), app("/web", 1, "/api"))
        .restart("/web")
        .restart("/api")
        .restart("/db")
        .plan()
        .expectSteps(
            "RestartApplication /db", "RestartApplication /api", "RestartApplication /web");
  }

  @Test
  void appsWithoutDependenciesChangeTogether() {
    given()
        .put(app("/cache", 1))
        .put(app("/db", 1))
        .put(app("/api", 2, "/db", "/cache"))
        .plan()
        .expectSteps(
            "StartApplication /api, StartApplication /cache, StartApplication /db",
            "ScaleApplication /cache, ScaleApplication /db",
            "ScaleApplication /api");
  }

  @Test
  void noChangeGivesAnEmptyPlanAndConflictsFollowAffectedApps() {
    DeploymentPlan empty = given(app("/a", 1)).plan().expectSteps().result();
    assertThat(empty.isEmpty()).isTrue();
    DeploymentPlan a = given(app("/a", 1), app("/b", 1)).scale("/a", 2).plan().result();
    DeploymentPlan b = given(app("/a", 1), app("/b", 1)).scale("/b", 2).plan().result();
    DeploymentPlan ab =
        given(app("/a", 1), app("/b", 1)).scale("/a", 3).scale("/b", 3).plan().result();
    assertThat(a.conflictsWith(b)).isFalse();
    assertThat(ab.conflictsWith(a)).isTrue();
    assertThat(ab.conflictsWith(b)).isTrue();
  }
}
