package io.dcos.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's first command brings up the whole one-machine cluster, and an operator uses it as
 * DC/OS users did: log in through the admin router, deploy an app through {@code /marathon/}, reach
 * it through {@code /service/<name>/}, resolve it by name, run a job through {@code
 * /service/metronome/} and read its history. The stop command ends everything.
 */
class ClusterCommandIT {
  private static final Path ROOT =
      Path.of(System.getProperty("user.dir")).resolve("..").normalize();
  private static final String ROUTER = "http://127.0.0.1:8000";
  private static final Duration APP_DEADLINE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private record Result(int exit, String output) {}

  private static Result run(Path home, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(List.of(command)).directory(ROOT.toFile()).redirectErrorStream(true);
    pb.environment().put("DCOS_HOME", home.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(8, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("command did not finish: " + String.join(" ", command) + "\n" + out);
    }
    return new Result(p.exitValue(), out);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ROUTER + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "token=" + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void upStartsTheWholeClusterWhichServesAppsJobsAndNamesThroughTheRouter() throws Exception {
    Path home = Files.createTempDirectory("dcos-up-");
    try {
      Result up = run(home, "installer/bin/dcos-up");
      assertThat(up.exit()).as(up.output()).isZero();
      assertThat(up.output())
          .contains("The cluster is up at " + ROUTER + "/")
          .contains("user admin, password in " + home.resolve("identity/admin-password"))
          .contains("installer/bin/dcos-down");

      Result again = run(home, "installer/bin/dcos-up");
      assertThat(again.exit()).isNotZero();
      assertThat(again.output()).contains("already running").contains("dcos-down");

      assertThat(send("GET", "/marathon/v2/apps", null, null).statusCode()).isEqualTo(401);
      String password = Files.readString(home.resolve("identity/admin-password")).trim();
      HttpResponse<String> login =
          send(
              "POST",
              "/acs/api/v1/auth/login",
              null,
              JSON.createObjectNode().put("uid", "admin").put("password", password).toString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      String token = JSON.readTree(login.body()).get("token").asText();

      String app =
          """
          {"id": "/e2e/hello", "instances": 1, "cpus": 0.1, "mem": 32,
           "cmd": "echo hello-from-e2e > index.html && exec busybox httpd -f -p $HOST:$PORT0 -h .",
           "portDefinitions": [{"port": 0, "name": "http"}],
           "labels": {"DCOS_SERVICE_NAME": "e2e-hello"}}
          """;
      HttpResponse<String> created = send("POST", "/marathon/v2/apps", token, app);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      await("the app is served at /service/e2e-hello/")
          .atMost(APP_DEADLINE)
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () ->
                  assertThat(send("GET", "/service/e2e-hello/", token, null).body())
                      .contains("hello-from-e2e"));
      JsonNode task =
          JSON.readTree(send("GET", "/marathon/v2/apps/e2e/hello/tasks", token, null).body())
              .get("tasks")
              .get(0);
      String agentIp = task.get("host").asText();
      await("hello.e2e.marathon.mesos resolves to the task's agent")
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(
                          run(
                                  home,
                                  "dig",
                                  "+short",
                                  "@127.0.0.1",
                                  "-p",
                                  "61053",
                                  "hello.e2e.marathon.mesos")
                              .output()
                              .trim())
                      .isEqualTo(agentIp));

      String job =
          """
          {"id": "e2e-job", "run": {"cmd": "echo job-ran", "cpus": 0.1, "mem": 32, "disk": 0}}
          """;
      HttpResponse<String> jobCreated = send("POST", "/service/metronome/v1/jobs", token, job);
      assertThat(jobCreated.statusCode()).as(jobCreated.body()).isEqualTo(201);
      HttpResponse<String> started =
          send("POST", "/service/metronome/v1/jobs/e2e-job/runs", token, "{}");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
      String runId = JSON.readTree(started.body()).get("id").asText();
      await("the job's run is in its history")
          .atMost(APP_DEADLINE)
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                JsonNode history =
                    JSON.readTree(
                            send(
                                    "GET",
                                    "/service/metronome/v1/jobs/e2e-job?embed=history",
                                    token,
                                    null)
                                .body())
                        .get("history");
                assertThat(history.get("successCount").asInt()).isEqualTo(1);
                assertThat(history.get("successfulFinishedRuns").get(0).get("id").asText())
                    .isEqualTo(runId);
              });
    } finally {
      Result down = run(home, "installer/bin/dcos-down", "--clean");
      assertThat(down.output()).contains("The cluster is stopped.");
    }
    assertThat(Files.exists(home)).isFalse();
    assertThatNothingListens();
  }

  private void assertThatNothingListens() {
    for (String url :
        List.of(ROUTER, "http://127.0.0.1:8080/ping", "http://127.0.1.1:5050/master/health")) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
      assertThat(catching(() -> http.send(request, HttpResponse.BodyHandlers.discarding())) == null)
          .as("%s still answers after dcos-down", url)
          .isTrue();
    }
  }

  private interface Call {
    Object call() throws Exception;
  }

  private static Object catching(Call call) {
    try {
      return call.call();
    } catch (Exception e) {
      return null;
    }
  }
}
