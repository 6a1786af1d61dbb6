package io.dcos.kernel.agent.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mesos's sandbox files API: {@code /files/browse}, {@code /files/read}, {@code /files/download}.
 */
@RestController
public class FilesController {
  private final SandboxFiles files;

  public FilesController(SandboxFiles files) {
    this.files = files;
  }

  @GetMapping({"/files/browse", "/files/browse.json"})
  public List<Map<String, Object>> browse(@RequestParam String path)
      throws SandboxFiles.NotFound, IOException {
    return files.browse(path);
  }

  @GetMapping({"/files/read", "/files/read.json"})
  public SandboxFiles.Slice read(
      @RequestParam String path,
      @RequestParam(defaultValue = "-1") long offset,
      @RequestParam(defaultValue = "-1") long length)
      throws SandboxFiles.NotFound, IOException {
    return files.read(path, offset, length);
  }

  @GetMapping("/files/download")
  public ResponseEntity<Resource> download(@RequestParam String path) throws SandboxFiles.NotFound {
    Path file = files.resolve(path);
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("'" + path + "' is a directory");
    }
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.getFileName() + "\"")
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(new FileSystemResource(file));
  }

  @ExceptionHandler(SandboxFiles.NotFound.class)
  public ResponseEntity<String> notFound(SandboxFiles.NotFound e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<String> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
  }
}
