package io.dcos.kernel.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Images for Docker tasks, built on this machine from Debian's static busybox: images cannot be
 * pulled here, and tests must not depend on a registry.
 */
final class LocalImages {
  static final String BUSYBOX = "dcos-it/busybox:1";

  private LocalImages() {}

  static boolean dockerAvailable() {
    try {
      return new ProcessBuilder("docker", "info").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Builds the busybox image unless it exists. */
  static synchronized String busybox() throws IOException, InterruptedException {
    if (run(List.of("docker", "image", "inspect", BUSYBOX)) == 0) {
      return BUSYBOX;
    }
    Path busybox =
        Files.exists(Path.of("/bin/busybox"))
            ? Path.of("/bin/busybox")
            : Path.of("/usr/bin/busybox");
    Path dir = Files.createTempDirectory("busybox-image");
    Files.copy(busybox, dir.resolve("busybox"));
    Files.writeString(
        dir.resolve("Dockerfile"),
        String.join(
            "\n",
            "FROM scratch",
            "COPY busybox /bin/busybox",
            "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
            "CMD [\"/bin/sh\"]",
            ""));
    int code =
        run(List.of("docker", "build", "-q", "--network", "none", "-t", BUSYBOX, dir.toString()));
    if (code != 0) {
      throw new IllegalStateException("docker build of " + BUSYBOX + " failed with exit " + code);
    }
    return BUSYBOX;
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }
}
