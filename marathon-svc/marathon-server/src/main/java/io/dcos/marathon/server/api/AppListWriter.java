package io.dcos.marathon.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Writes {@code {"apps":[...]}} straight to a response body from JSON fragments kept in memory: the
 * fields of each app definition and the JSON of each task are serialized once by Jackson and
 * written again as bytes until the app or the instance changes (a stored definition and an instance
 * are immutable, so a new object is a change). The bytes equal Jackson's serialization of {@link
 * AppStatusJson}.
 */
@Component
public class AppListWriter {
  private static final byte[] OPEN = ascii("{\"apps\":[");
  private static final byte[] CLOSE = ascii("]}");
  private static final int SLACK = 4096;
  private static final int MAX_APPS = 100_000;

  private final ObjectMapper mapper;
  private final AppViews views;
  private final Map<PathId, AppFragment> apps = new ConcurrentHashMap<>();
  private final Map<InstanceId, TaskFragment> tasks = new ConcurrentHashMap<>();

  public AppListWriter(ObjectMapper mapper, AppViews views) {
    this.mapper = mapper;
    this.views = views;
  }

  private record AppFragment(AppDefinition app, byte[] fields) {}

  private record TaskFragment(Instance instance, List<Integer> servicePorts, byte[] json) {}

  /** Writes the list of {@code selected} apps with their status and the embedded parts. */
  public void write(
      OutputStream body,
      List<AppDefinition> selected,
      Map<PathId, List<Instance>> byApp,
      List<ServiceScheduler.DeploymentStatus> deployments,
      AppViews.Embed embed)
      throws IOException {
    OutputStream out = new BufferedOutputStream(body, 1 << 16);
    out.write(OPEN);
    for (int n = 0; n < selected.size(); n++) {
      AppDefinition app = selected.get(n);
      List<Instance> instances = AppViews.of(byApp, app.id());
      AppViews.AppStatus s = views.status(app, instances, deployments, embed);
      if (n > 0) {
        out.write(',');
      }
      out.write('{');
      out.write(appFields(app));
      field(out, "tasksStaged", s.staged());
      field(out, "tasksRunning", s.running());
      field(out, "tasksHealthy", s.healthy());
      field(out, "tasksUnhealthy", s.unhealthy());
      field(out, "deployments", s.deployments());
      if (embed.tasks()) {
        name(out, "tasks");
        out.write('[');
        List<Integer> servicePorts = TaskJson.servicePorts(app);
        String appId = app.id().toString();
        boolean first = true;
        for (Instance i : instances) {
          if (i.condition().terminal()) {
            continue;
          }
          if (!first) {
            out.write(',');
          }
          first = false;
          out.write(task(i, appId, servicePorts));
        }
        out.write(']');
      }
      field(out, "readinessCheckResults", s.readiness());
      field(out, "lastTaskFailure", s.lastTaskFailure());
      field(out, "taskStats", s.taskStats());
      out.write('}');
    }
    out.write(CLOSE);
    out.flush();
    evict(byApp);
  }

  private byte[] appFields(AppDefinition app) {
    AppFragment f = apps.get(app.id());
    if (f != null && f.app() == app) {
      return f.fields();
    }
    byte[] json = bytes(views.json(app));
    // {"id":...} without its braces: the status fields follow in the same object.
    byte[] fields = Arrays.copyOfRange(json, 1, json.length - 1);
    apps.put(app.id(), new AppFragment(app, fields));
    return fields;
  }

  private byte[] task(Instance i, String appId, List<Integer> servicePorts) {
    TaskFragment f = tasks.get(i.id());
    if (f != null
        && (f.instance() == i || f.instance().equals(i))
        && f.servicePorts().equals(servicePorts)) {
      return f.json();
    }
    byte[] json = bytes(TaskJson.of(i, appId, servicePorts));
    tasks.put(i.id(), new TaskFragment(i, servicePorts, json));
    return json;
  }

  /** Drops fragments of instances that are gone once they noticeably outnumber the live ones. */
  private void evict(Map<PathId, List<Instance>> byApp) {
    int instances = 0;
    for (List<Instance> l : byApp.values()) {
      instances += l.size();
    }
    if (tasks.size() > instances + SLACK) {
      Set<InstanceId> live = new HashSet<>();
      byApp.values().forEach(l -> l.forEach(i -> live.add(i.id())));
      tasks.keySet().retainAll(live);
    }
    if (apps.size() > MAX_APPS) {
      apps.clear();
    }
  }

  private void field(OutputStream out, String name, int value) throws IOException {
    name(out, name);
    out.write(ascii(Integer.toString(value)));
  }

  private void field(OutputStream out, String name, Object value) throws IOException {
    if (value != null) {
      name(out, name);
      out.write(bytes(value));
    }
  }

  private static void name(OutputStream out, String name) throws IOException {
    out.write(',');
    out.write('"');
    out.write(ascii(name));
    out.write('"');
    out.write(':');
  }

  private byte[] bytes(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
