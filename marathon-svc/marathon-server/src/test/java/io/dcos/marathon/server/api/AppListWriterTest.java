package io.dcos.marathon.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dcos.marathon.core.instances.Condition;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.HealthCheck;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.PortDefinition;
import io.dcos.marathon.core.model.VersionInfo;
import io.dcos.marathon.server.store.TaskFailureRepository;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The streamed app list is byte for byte what Jackson writes for the same apps. */
class AppListWriterTest {
  private final ObjectMapper mapper =
      JsonMapper.builder()
          .findAndAddModules()
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();
  // Never queried: the embeds below leave out lastTaskFailure.
  private final AppViews views =
      new AppViews(
          mapper,
          new TaskFailureRepository(new JdbcTemplate()),
          Clock.fixed(TaskStatisticsTest.T0.plusSeconds(60), ZoneOffset.UTC));
  private final AppListWriter writer = new AppListWriter(mapper, views);

  private static AppDefinition app(String id, int instances) {
    return AppDefinition.builder(PathId.parse(id))
        .cmd("python3 -m http.server $PORT0 # \"quoted\" ünïcode")
        .instances(instances)
        .labels(Map.of("team", "a\"b"))
        .portDefinitions(List.of(new PortDefinition(10001, "tcp", "http", Map.of())))
        .healthChecks(List.of(HealthCheck.http("/health")))
        .versionInfo(VersionInfo.initial(TaskStatisticsTest.T0))
        .build();
  }

  private String streamed(
      List<AppDefinition> apps, Map<PathId, List<Instance>> byApp, AppViews.Embed embed)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, apps, byApp, List.of(), embed);
    return out.toString(StandardCharsets.UTF_8);
  }

  private String jackson(
      List<AppDefinition> apps, Map<PathId, List<Instance>> byApp, AppViews.Embed embed)
      throws Exception {
    return mapper.writeValueAsString(
        Map.of(
            "apps",
            apps.stream()
                .map(a -> views.withStatus(a, AppViews.of(byApp, a.id()), List.of(), embed))
                .toList()));
  }

  @Test
  void sameBytesAsJacksonForEveryEmbedAndAfterChanges() throws Exception {
    AppDefinition web = app("/web/app", 3);
    AppDefinition idle = app("/idle", 0);
    Instance running =
        TaskStatisticsTest.instance(
            TaskStatisticsTest.T0, Condition.RUNNING, true, TaskStatisticsTest.T0.plusSeconds(5));
    Instance staging =
        TaskStatisticsTest.instance(TaskStatisticsTest.T0, Condition.STAGING, null, null);
    Instance failed =
        TaskStatisticsTest.instance(TaskStatisticsTest.T0, Condition.FAILED, null, null);
    Map<PathId, List<Instance>> byApp = Map.of(web.id(), List.of(running, staging, failed));
    List<AppDefinition> apps = List.of(idle, web);

    for (AppViews.Embed embed :
        List.of(
            new AppViews.Embed(false, false, false, false),
            new AppViews.Embed(true, false, false, false),
            new AppViews.Embed(true, true, false, true))) {
      assertThat(streamed(apps, byApp, embed)).isEqualTo(jackson(apps, byApp, embed));
    }

    // Cached fragments follow changed instances and apps.
    AppViews.Embed tasks = new AppViews.Embed(true, false, false, true);
    String before = streamed(apps, byApp, tasks);
    Instance unhealthy =
        new Instance(
            running.id(),
            running.appVersion(),
            running.incarnation(),
            running.agent(),
            running.hostPorts(),
            running.condition(),
            running.goal(),
            false,
            running.stagedAt(),
            running.startedAt(),
            null);
    AppDefinition scaled = web.toBuilder().instances(5).build();
    Map<PathId, List<Instance>> after = Map.of(web.id(), List.of(unhealthy, staging));
    String changed = streamed(List.of(idle, scaled), after, tasks);
    assertThat(changed).isNotEqualTo(before);
    assertThat(changed).isEqualTo(jackson(List.of(idle, scaled), after, tasks));
    assertThat(
            mapper.readTree(changed).at("/apps/1/tasks/0/healthCheckResults/0/alive").asBoolean())
        .isFalse();
    assertThat(mapper.readTree(changed).at("/apps/1/instances").asInt()).isEqualTo(5);
  }

  @Test
  void anEmptyListIsAnEmptyArray() throws Exception {
    assertThat(streamed(List.of(), Map.of(), new AppViews.Embed(true, false, false, false)))
        .isEqualTo("{\"apps\":[]}");
  }
}
