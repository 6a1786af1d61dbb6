package io.dcos.kernel.agent.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.dcos.kernel.protocol.CommandInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetcherTest {
  @TempDir Path sandbox;
  @TempDir Path elsewhere;
  private HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Fetcher fetcher = Fetcher.withDefaults(Duration.ofSeconds(10));

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = files.get(exchange.getRequestURI().getPath());
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static CommandInfo.URI uri(String value) {
    return CommandInfo.URI.newBuilder().setValue(value).build();
  }

  @Test
  void downloadsOverHttpWithRenameAndExecutableBit() throws Exception {
    files.put("/bin/tool", "#!/bin/sh\necho tool\n".getBytes(StandardCharsets.UTF_8));
    CommandInfo command =
        CommandInfo.newBuilder()
            .addUris(uri(url("/bin/tool")).toBuilder().setExecutable(true))
            .addUris(uri(url("/bin/tool")).toBuilder().setOutputFile("copy/renamed.sh"))
            .build();

    fetcher.fetch(command, sandbox);

    assertThat(Files.getPosixFilePermissions(sandbox.resolve("tool")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(sandbox.resolve("copy/renamed.sh")).hasContent("#!/bin/sh\necho tool");
    assertThat(Files.getPosixFilePermissions(sandbox.resolve("copy/renamed.sh")))
        .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
  }

  @Test
  void extractsTarGzKeepingModes() throws Exception {
    files.put(
        "/app.tar.gz", gzip(tar(Map.of("app/run.sh", "echo run"), "app/run.sh", "app/data/", "")));

    fetcher.fetch(CommandInfo.newBuilder().addUris(uri(url("/app.tar.gz"))).build(), sandbox);

    assertThat(sandbox.resolve("app/run.sh")).hasContent("echo run");
    assertThat(Files.getPosixFilePermissions(sandbox.resolve("app/run.sh")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(sandbox.resolve("app/data")).isDirectory();
    assertThat(sandbox.resolve("app.tar.gz")).exists();
  }

  @Test
  void extractsZipFromFileUriAndAbsolutePath() throws Exception {
    Path archive = elsewhere.resolve("site.zip");
    Files.write(archive, zip("index.html", "<h1>hi</h1>"));

    fetcher.fetch(uri("file://" + archive), sandbox);
    assertThat(sandbox.resolve("index.html")).hasContent("<h1>hi</h1>");

    Files.delete(sandbox.resolve("index.html"));
    fetcher.fetch(uri(archive.toString()).toBuilder().setExtract(false).build(), sandbox);
    assertThat(sandbox.resolve("index.html")).doesNotExist();
    assertThat(sandbox.resolve("site.zip")).exists();
  }

  @Test
  void gunzipsSingleFiles() throws Exception {
    files.put("/notes.txt.gz", gzip("plain text".getBytes(StandardCharsets.UTF_8)));

    fetcher.fetch(uri(url("/notes.txt.gz")), sandbox);

    assertThat(sandbox.resolve("notes.txt")).hasContent("plain text");
  }

  @Test
  void refusesZipSlip() throws Exception {
    files.put("/evil.zip", zip("../../escaped.txt", "gotcha"));
    files.put("/evil.tar", tar(Map.of(), "", "", "link"));

    assertThatThrownBy(() -> fetcher.fetch(uri(url("/evil.zip")), sandbox))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("/evil.zip")
        .hasMessageContaining("escapes the sandbox");
    assertThat(sandbox.getParent().getParent().resolve("escaped.txt")).doesNotExist();
    assertThatThrownBy(() -> fetcher.fetch(uri(url("/evil.tar")), sandbox))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("escapes the sandbox");
  }

  @Test
  void reportsHttpErrorsAndMissingFilesClearly() {
    assertThatThrownBy(() -> fetcher.fetch(uri(url("/missing.tgz")), sandbox))
        .isInstanceOf(FetchException.class)
        .hasMessage("cannot fetch " + url("/missing.tgz") + ": HTTP status 404");
    assertThat(sandbox.resolve("missing.tgz")).doesNotExist();
    assertThatThrownBy(() -> fetcher.fetch(uri("/no/such/file"), sandbox))
        .hasMessageContaining("/no/such/file does not exist");
    assertThatThrownBy(() -> fetcher.fetch(uri("hdfs://nn/x"), sandbox))
        .hasMessageContaining("scheme 'hdfs' is not supported");
  }

  @Test
  void sandboxPathsRejectEscapes() {
    assertThat(SandboxPaths.inside(sandbox, "a/../b")).contains(sandbox.resolve("b"));
    assertThat(SandboxPaths.inside(sandbox, "../x")).isEmpty();
    assertThat(SandboxPaths.inside(sandbox, "/etc/passwd")).isEmpty();
    assertThat(SandboxPaths.targetName("/a/b/c.tgz", "")).isEqualTo("c.tgz");
    assertThat(ArchiveType.of("x.TGZ")).isEqualTo(ArchiveType.TAR_GZ);
    assertThat(ArchiveType.of("x.tar.xz")).isEqualTo(ArchiveType.TAR_XZ);
    assertThat(ArchiveType.of("x.gz")).isEqualTo(ArchiveType.GZ);
  }

  /** A tar with the given files; {@code executable} gets mode 755, {@code dir} a directory. */
  private static byte[] tar(
      Map<String, String> content, String executable, String dir, String escapingLink)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      if (!dir.isEmpty()) {
        tar.putArchiveEntry(new TarArchiveEntry(dir));
        tar.closeArchiveEntry();
      }
      for (Map.Entry<String, String> file : content.entrySet()) {
        byte[] data = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(data.length);
        entry.setMode(file.getKey().equals(executable) ? 0100755 : 0100644);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
      }
      if (!escapingLink.isEmpty()) {
        TarArchiveEntry link = new TarArchiveEntry(escapingLink, TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("../../../etc");
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] zip(String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      zip.putArchiveEntry(new ZipArchiveEntry(name));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return bytes.toByteArray();
  }
}
