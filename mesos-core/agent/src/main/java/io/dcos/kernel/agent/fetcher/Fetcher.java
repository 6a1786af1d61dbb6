package io.dcos.kernel.agent.fetcher;

import io.dcos.kernel.protocol.CommandInfo;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Fetches a command's URIs into the task's sandbox before launch, as the Mesos fetcher does: http,
 * https, file:// and absolute paths; {@code output_file} renames; {@code executable} sets the
 * execute bits (and skips extraction); {@code extract} (default true) unpacks tar, tar.gz, tar.bz2,
 * tar.xz, zip and single .gz files into the sandbox, keeping the archive itself (a .gz file is
 * replaced by its content, like gunzip).
 */
public final class Fetcher {
  private static final Set<PosixFilePermission> EXECUTABLE =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_EXECUTE);

  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param timeout the longest a single download may take
   */
  public Fetcher(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** A fetcher with its own HTTP client that follows redirects. */
  public static Fetcher withDefaults(Duration timeout) {
    return new Fetcher(
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build(),
        timeout);
  }

  /** Fetches every URI of the command; returns the fetched files in URI order. */
  public List<Path> fetch(CommandInfo command, Path sandbox) throws FetchException {
    List<Path> fetched = new ArrayList<>();
    for (CommandInfo.URI uri : command.getUrisList()) {
      fetched.add(fetch(uri, sandbox));
    }
    return fetched;
  }

  /** Fetches one URI into the sandbox and returns where it landed (before extraction). */
  public Path fetch(CommandInfo.URI uri, Path sandbox) throws FetchException {
    String value = uri.getValue();
    URI parsed = parse(value);
    String name =
        SandboxPaths.targetName(
            parsed.getPath() == null ? "" : parsed.getPath(), uri.getOutputFile());
    if (name.isEmpty()) {
      throw new FetchException(value, "no file name in the URI and no output_file given");
    }
    Path target =
        SandboxPaths.inside(sandbox, name)
            .orElseThrow(
                () -> new FetchException(value, "output file '" + name + "' escapes the sandbox"));
    try {
      Files.createDirectories(target.getParent());
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase();
      switch (scheme) {
        case "http", "https" -> download(value, parsed, target);
        case "file", "" -> copy(value, Path.of(parsed.getPath()), target);
        default -> throw new FetchException(value, "scheme '" + scheme + "' is not supported");
      }
      if (uri.hasExecutable() && uri.getExecutable()) {
        Files.setPosixFilePermissions(target, EXECUTABLE);
      } else if (!uri.hasExtract() || uri.getExtract()) {
        ArchiveExtractor.extract(value, target, ArchiveType.of(name), target.getParent());
      }
    } catch (IOException e) {
      throw new FetchException(value, e.toString(), e);
    }
    return target;
  }

  private static URI parse(String value) throws FetchException {
    if (value.startsWith("/")) {
      return Path.of(value).toUri();
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null) {
        throw new FetchException(value, "not an absolute path or a URI with a scheme");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new FetchException(value, "not a valid URI (" + e.getMessage() + ")", e);
    }
  }

  private void download(String value, URI uri, Path target) throws IOException, FetchException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    Path partial = target.resolveSibling(target.getFileName() + ".fetching");
    try {
      HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(partial));
      if (response.statusCode() < 200 || response.statusCode() > 299) {
        throw new FetchException(value, "HTTP status " + response.statusCode());
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (HttpTimeoutException e) {
      throw new FetchException(value, "no complete response within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(value, "interrupted", e);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static void copy(String value, Path source, Path target)
      throws IOException, FetchException {
    try {
      if (!Files.exists(source)) {
        throw new NoSuchFileException(source.toString());
      }
      if (!Files.exists(target) || !Files.isSameFile(source, target)) {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (NoSuchFileException e) {
      throw new FetchException(value, "file " + source + " does not exist", e);
    }
  }
}
