package com.sovereignstamp.appliance.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The integration tests' log directory ({@code STAMP_IT_LOG_DIR}, target/it-logs; the build empties
 * it before the integration tests): the log of every Payara Micro the tests start
 * (arquillian-logging.properties), the list of the other processes' log files ({@value
 * #PROCESS_LOGS}: Keycloak, the bridge) and the markers the tests planted ({@value #MARKERS}: every
 * token sent to the appliance, and what {@link LogHygieneIT} sends). {@link PlantedMarkersScan}
 * reads them after the run.
 */
final class ItLogs {
  static final String MARKERS = "planted-markers.txt";
  static final String PROCESS_LOGS = "process-logs.txt";
  private static final Set<String> PLANTED = new HashSet<>();

  private ItLogs() {}

  static Path dir() {
    String dir = System.getenv("STAMP_IT_LOG_DIR");
    return dir == null || dir.isBlank()
        ? TestStamp.MODULE.resolve("target/it-logs")
        : Path.of(dir).toAbsolutePath();
  }

  /** The directory, made if missing: Payara Micro's file handler needs it before it starts. */
  static Path created() throws IOException {
    return Files.createDirectories(dir());
  }

  /** Adds the log file of a process the tests started to the scan. */
  static synchronized void processLog(Path file) {
    append(PROCESS_LOGS, file.toAbsolutePath().toString());
  }

  /** Records something that must not appear in any log (once per value). */
  static synchronized void plant(PlantedMarker.Kind kind, String value) {
    if (value != null && PLANTED.add(kind + "\t" + value)) {
      append(MARKERS, new PlantedMarker(kind, value).line());
    }
  }

  static List<PlantedMarker> planted(Path dir) throws IOException {
    return lines(dir.resolve(MARKERS)).stream().map(PlantedMarker::parse).toList();
  }

  static List<Path> processLogs(Path dir) throws IOException {
    return lines(dir.resolve(PROCESS_LOGS)).stream().map(Path::of).toList();
  }

  /** The file's lines but blank ones; none if it does not exist. */
  private static List<String> lines(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank())
        .toList();
  }

  private static void append(String name, String line) {
    try {
      Files.writeString(
          created().resolve(name),
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
