package io.dcos.marathon.server.bench;

import io.dcos.marathon.server.store.GroupRepository;
import io.dcos.marathon.server.support.Http;
import io.dcos.marathon.server.support.MarathonNode;
import io.dcos.marathon.server.support.TestInfra;
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
  private AppsListBenchmark() {}

  public static void main(String[] args) throws Exception {
    int groups = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int appsPerGroup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int instances = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int requests = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    MarathonNode node =
        MarathonNode.start(
            "127.4.1.30",
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
      int size = 0;
      for (int i = 0; i < 5; i++) {
        size = http.get("/v2/apps?embed=apps.tasks").body().length();
      }
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        long t = System.nanoTime();
        Http.Answer a = http.get("/v2/apps?embed=apps.tasks");
        millis.add((System.nanoTime() - t) / 1_000_000);
        if (a.status() != 200) {
          throw new IllegalStateException("GET failed: " + a.status());
        }
      }
      Collections.sort(millis);
      int tasks = groups * appsPerGroup * instances;
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
}
