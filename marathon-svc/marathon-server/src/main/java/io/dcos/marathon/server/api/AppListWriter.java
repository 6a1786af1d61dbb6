package io.dcos.marathon.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Writes {@code {"apps":[...]}} straight to a response body from JSON fragments kept in memory: per
 * app its definition and counts, per task its JSON, serialized once by Jackson and written again as
 * bytes until the app or one of its instances changes. Stored definitions and instances are
 * immutable, so a different object is a change. The bytes equal Jackson's serialization of {@link
 * AppStatusJson}.
 */
@Component
public class AppListWriter {
  private static final byte[] OPEN = ascii("{\"apps\":[");
  private static final byte[] CLOSE = ascii("]}");
  private static final byte[] NO_DEPLOYMENTS = ascii(",\"deployments\":[]");
  private static final int SLACK = 4096;
  private static final int MAX_APPS = 100_000;

  private final ObjectMapper mapper;
  private final AppViews views;
  private final Map<PathId, AppEntry> apps = new ConcurrentHashMap<>();
  private final Map<InstanceId, TaskFragment> tasks = new ConcurrentHashMap<>();

  public AppListWriter(ObjectMapper mapper, AppViews views) {
    this.mapper = mapper;
    this.views = views;
  }

  /**
   * The fragments of one app for one list of its instances: {@code head} is the object's opening
   * brace, the definition's fields and the counts; {@code tasks} the JSON of each live task, made
   * when first asked for.
   */
  private record AppEntry(
      AppDefinition app, List<Instance> instances, byte[] head, byte[][] tasks) {}

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
      AppEntry entry = entry(app, instances, embed.tasks());
      if (n > 0) {
        out.write(',');
      }
      out.write(entry.head());
      AppViews.Deployments deps =
          deployments.isEmpty() ? null : AppViews.deployments(app, deployments);
      if (deps == null || deps.refs().isEmpty()) {
        out.write(NO_DEPLOYMENTS);
      } else {
        field(out, "deployments", deps.refs());
      }
      if (embed.tasks()) {
        name(out, "tasks");
        out.write('[');
        byte[][] json = entry.tasks();
        for (int t = 0; t < json.length; t++) {
          if (t > 0) {
            out.write(',');
          }
          out.write(json[t]);
        }
        out.write(']');
      }
      if (embed.readiness()) {
        field(out, "readinessCheckResults", deps == null ? List.of() : deps.readiness());
      }
      if (embed.lastTaskFailure()) {
        field(out, "lastTaskFailure", views.lastTaskFailure(app));
      }
      if (embed.taskStats()) {
        field(out, "taskStats", views.taskStats(app, instances));
      }
      out.write('}');
    }
    out.write(CLOSE);
    out.flush();
    evict(byApp);
  }

  private AppEntry entry(AppDefinition app, List<Instance> instances, boolean withTasks) {
    AppEntry e = apps.get(app.id());
    if (e == null || e.app() != app || !sameElements(e.instances(), instances)) {
      e = new AppEntry(app, instances, head(app, instances), null);
    }
    if (withTasks && e.tasks() == null) {
      e = new AppEntry(app, instances, e.head(), taskFragments(app, instances));
    }
    apps.put(app.id(), e);
    return e;
  }

  private byte[] head(AppDefinition app, List<Instance> instances) {
    byte[] json = bytes(views.json(app));
    AppViews.Counts c = AppViews.counts(instances);
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 96);
    // {"id":...} without its closing brace: the status fields follow in the same object.
    out.write(json, 0, json.length - 1);
    field(out, "tasksStaged", c.staged());
    field(out, "tasksRunning", c.running());
    field(out, "tasksHealthy", c.healthy());
    field(out, "tasksUnhealthy", c.unhealthy());
    return out.toByteArray();
  }

  private byte[][] taskFragments(AppDefinition app, List<Instance> instances) {
    List<Integer> servicePorts = TaskJson.servicePorts(app);
    String appId = app.id().toString();
    List<byte[]> out = new ArrayList<>(instances.size());
    for (Instance i : instances) {
      if (!i.condition().terminal()) {
        out.add(task(i, appId, servicePorts));
      }
    }
    return out.toArray(byte[][]::new);
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

  private static boolean sameElements(List<Instance> a, List<Instance> b) {
    if (a == b) {
      return true;
    }
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
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

  private static void field(ByteArrayOutputStream out, String name, int value) {
    byte[] n = ascii(",\"" + name + "\":" + value);
    out.write(n, 0, n.length);
  }

  private void field(OutputStream out, String name, Object value) throws IOException {
    if (value != null) {
      name(out, name);
      out.write(bytes(value));
    }
  }

  private static void name(OutputStream out, String name) throws IOException {
    out.write(ascii(",\"" + name + "\":"));
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
