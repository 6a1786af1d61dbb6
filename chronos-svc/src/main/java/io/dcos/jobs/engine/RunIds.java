package io.dcos.jobs.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Metronome-style run ids ({@code 20160715130259A34HX}) and Chronos-style task ids. */
public final class RunIds {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private RunIds() {}

  public static String runId(Instant created) {
    StringBuilder b = new StringBuilder(STAMP.format(created));
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 5; i++) {
      b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  /** {@code ct:<dueMillis>:<attempt>:<job>:<run>}, after Chronos's task ids. */
  public static String taskId(String jobId, String runId, Instant due, int attempt) {
    return "ct:" + due.toEpochMilli() + ":" + attempt + ":" + jobId + ":" + runId;
  }
}
