package io.dcos.marathon.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.marathon.server.store.GroupRepository;
import io.dcos.marathon.server.support.Http;
import io.dcos.marathon.server.support.MarathonNode;
import io.dcos.marathon.server.support.TestInfra;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.context.support.GenericApplicationContext;

/**
 * {@code GET /v2/apps?embed=apps.tasks} with many apps and tasks on a real PostgreSQL and
 * ZooKeeper: seeds the apps through {@code POST /v2/groups}, then times sequential requests.
 * Arguments: groups, apps per group, instances per app, measured requests.
 */
public final class AppsListBenchmark {
  private static final String LIST = "/v2/apps?embed=apps.tasks";
  private static final byte[] BUFFER = new byte[1 << 16];

  private AppsListBenchmark() {}

  public static void main(String[] args) throws Exception {
    int groups = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int appsPerGroup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int instances = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int requests = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    MarathonNode node =
        MarathonNode.start(
            "127.4.200.30",
            TestInfra.newDatabase(),
            TestInfra.newZkUrl(),
            app ->
                app.addInitializers(
                    ctx ->
                        ((GenericApplicationContext) ctx)
                            .registerBean(
                                StaticInstances.class,
                                () -> new StaticInstances(ctx.getBean(GroupRepository.class)))),
            List.of("--marathon.scheduling.enabled=false", "--logging.level.root=WARN"));
    try {
      Http http = new Http(node.baseUrl());
      while (!node.isLeader()) {
        Thread.onSpinWait();
      }
      long seedStart = System.nanoTime();
      for (int g = 0; g < groups; g++) {
        StringBuilder body = new StringBuilder("{\"id\":\"/bench/g" + g + "\",\"apps\":[");
        for (int a = 0; a < appsPerGroup; a++) {
          body.append(a == 0 ? "" : ",")
              .append("{\"id\":\"app")
              .append(a)
              .append("\",\"cmd\":\"sleep 3600\",\"cpus\":0.01,\"mem\":16,\"instances\":")
              .append(instances)
              .append(",\"labels\":{\"team\":\"t")
              .append(a % 7)
              .append("\"},\"healthChecks\":[{\"protocol\":\"MESOS_HTTP\",\"path\":\"/health\"}]}");
        }
        body.append("]}");
        Http.Answer a = http.post("/v2/groups", body.toString());
        if (a.status() != 201) {
          throw new IllegalStateException("seeding failed: " + a.status() + " " + a.body());
        }
      }
      Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);
      int tasks = groups * appsPerGroup * instances;
      check(http.get(LIST).json(), groups * appsPerGroup, tasks);
      URL list = URI.create(node.baseUrl() + LIST).toURL();
      long size = 0;
      for (int i = 0; i < 5; i++) {
        size = fetch(list);
      }
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        long t = System.nanoTime();
        fetch(list);
        millis.add((System.nanoTime() - t) / 1_000_000);
      }
      Collections.sort(millis);
      System.out.printf(
          "apps=%d tasks=%d seeding=%.1fs response=%.1fMB requests=%d p50=%dms p90=%dms p99=%dms max=%dms%n",
          groups * appsPerGroup,
          tasks,
          seeding.toMillis() / 1000.0,
          size / 1e6,
          requests,
          millis.get(millis.size() / 2),
          millis.get((int) Math.ceil(millis.size() * 0.9) - 1),
          millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
          millis.get(millis.size() - 1));
    } finally {
      node.close();
      System.exit(0);
    }
  }

  /**
   * One timed request: until the last byte of the body is read, with a blocking connection and one
   * reused buffer. The body is counted, not parsed, so the figure is the service's latency and not
   * the client's JSON parsing.
   */
  private static long fetch(URL url) throws Exception {
    HttpURLConnection c = (HttpURLConnection) url.openConnection();
    long bytes = 0;
    try (InputStream in = c.getInputStream()) {
      for (int n; (n = in.read(BUFFER)) >= 0; ) {
        bytes += n;
      }
    }
    if (c.getResponseCode() != 200) {
      throw new IllegalStateException("GET failed: " + c.getResponseCode());
    }
    return bytes;
  }

  /** The list answered must hold every app with all its tasks. */
  private static void check(JsonNode body, int apps, int tasks) {
    int seenTasks = 0;
    for (JsonNode app : body.get("apps")) {
      seenTasks += app.get("tasks").size();
    }
    if (body.get("apps").size() != apps || seenTasks != tasks) {
      throw new IllegalStateException(
          "expected "
              + apps
              + " apps, "
              + tasks
              + " tasks; got "
              + body.get("apps").size()
              + " apps, "
              + seenTasks
              + " tasks");
    }
  }
}
