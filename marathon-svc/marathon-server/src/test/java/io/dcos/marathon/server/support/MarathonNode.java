package io.dcos.marathon.server.support;

import io.dcos.marathon.server.MarathonApplication;
import io.dcos.marathon.server.leadership.LeaderElection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A marathon-svc instance running in the test JVM on a loopback address of this module. */
public final class MarathonNode implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final String baseUrl;

  private MarathonNode(ConfigurableApplicationContext context, String ip) {
    this.context = context;
    int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    this.baseUrl = "http://" + ip + ":" + port;
  }

  /** Starts an instance on {@code ip} (port chosen by the system) with the given state. */
  public static MarathonNode start(String ip, String jdbcUrl, String zkUrl, String... extra) {
    return start(ip, jdbcUrl, zkUrl, app -> {}, List.of(extra));
  }

  /** Like {@link #start(String, String, String, String...)}, letting the caller add beans. */
  public static MarathonNode start(
      String ip,
      String jdbcUrl,
      String zkUrl,
      Consumer<SpringApplication> customize,
      List<String> extra) {
    List<String> args = new ArrayList<>();
    args.add("--marathon.http.address=" + ip);
    args.add("--marathon.http.port=0");
    args.add("--marathon.store.jdbc-url=" + jdbcUrl);
    args.add("--marathon.store.user=postgres");
    args.add("--marathon.store.password=postgres");
    args.add("--marathon.zk.url=" + zkUrl);
    args.add("--marathon.zk.session-timeout=4s");
    // A ZooKeeper path where no master ever registers: the API works without a kernel.
    args.add("--marathon.framework.master=zk://" + zkConnect() + "/no-kernel");
    args.add("--spring.main.banner-mode=off");
    args.addAll(extra);
    SpringApplication app = new SpringApplication(MarathonApplication.class);
    customize.accept(app);
    return new MarathonNode(app.run(args.toArray(String[]::new)), ip);
  }

  private static String zkConnect() {
    try {
      return TestInfra.zkConnect();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return baseUrl;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public boolean isLeader() {
    return bean(LeaderElection.class).isLeader();
  }

  @Override
  public void close() {
    context.close();
  }
}
