package com.sovereignstamp.appliance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sovereignstamp.appliance.it.PlantedMarker.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after all integration tests of the module (the surefire execution {@code
 * planted-markers-scan}, phase {@code post-integration-test}): every log of the run — each Payara
 * Micro's, Keycloak's, the bridge's — is searched for the markers and tokens the tests planted
 * ({@link ItLogs}). A marker in a log fails the build with its file and line. So does a run that
 * planted nothing or left no server log (the scan would pass whatever the logs held), or whose
 * servers did not install the log redaction or show the identity provider's key ids redacted.
 *
 * <p>When {@code -Dit.test} selects integration tests without {@link LogHygieneIT}, what they
 * planted (their tokens) is still searched for; when those ran no server at all, the scan is
 * skipped. With {@link LogHygieneIT} selected, or in a full run, it never is.
 */
class PlantedMarkersScan {
  static final String REDACTION_INSTALLED = "log redaction installed on";
  static final String SIGNING_KEYS = "identity provider signing keys:";

  @Test
  void noPlantedMarkerOrTokenIsInAnyLogOfTheRun() throws IOException {
    Path dir = ItLogs.dir();
    List<PlantedMarker> planted = ItLogs.planted(dir);
    List<Path> serverLogs = serverLogs(dir);
    if (!hygieneTestSelected()) {
      assumeTrue(
          !planted.isEmpty() || !serverLogs.isEmpty(),
          "-Dit.test=" + selectedTests() + " ran no integration test: nothing to scan");
    }
    assertSomethingToFind(dir, planted);
    assertServersLoggedThroughTheRedaction(dir, serverLogs);

    List<Path> logs = new ArrayList<>(serverLogs);
    for (Path log : ItLogs.processLogs(dir)) {
      assertThat(log).as("a log of a process the tests started").isRegularFile();
      logs.add(log);
    }
    List<LogScanner.Finding> found = LogScanner.scan(planted, logs);
    assertThat(found)
        .as(
            "planted markers in the logs of the run (%d markers, %d logs: %s):%n%s",
            planted.size(),
            logs.size(),
            logs,
            found.stream().map(Object::toString).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  /** Without markers, the scan would pass whatever the logs hold. */
  private static void assertSomethingToFind(Path dir, List<PlantedMarker> planted) {
    assertThat(planted).as("markers planted in %s", dir).isNotEmpty();
    if (hygieneTestSelected()) {
      assertThat(planted)
          .extracting(PlantedMarker::kind)
          .as("what LogHygieneIT plants")
          .contains(Kind.values());
    }
  }

  /** Logs were written, by servers that had the redaction on, and it left key ids readable. */
  private static void assertServersLoggedThroughTheRedaction(Path dir, List<Path> serverLogs) {
    assertThat(serverLogs).as("Payara Micro's logs of the run in %s", dir).isNotEmpty();
    assertThat(serverLogs)
        .as("the servers' logs are not empty and show the log redaction installed")
        .anySatisfy(log -> assertThat(lines(log, REDACTION_INSTALLED)).isNotEmpty());
    assertThat(serverLogs.stream().flatMap(log -> lines(log, SIGNING_KEYS).stream()))
        .as("key ids stay readable through the redaction")
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("kid=").doesNotContain("[redacted:"));
  }

  /** Payara Micro's log files (payara-0.log, …), not its lock files. */
  static List<Path> serverLogs(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("payara-"))
          .filter(f -> !f.getFileName().toString().endsWith(".lck"))
          .sorted()
          .toList();
    }
  }

  private static List<String> lines(Path log, String text) {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.contains(text)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What -Dit.test selected, or null for every integration test. */
  static String selectedTests() {
    String s = System.getProperty("it.test");
    return s == null || s.isBlank() || s.startsWith("${") ? null : s;
  }

  private static boolean hygieneTestSelected() {
    String selected = selectedTests();
    return selected == null || selects(selected, LogHygieneIT.class.getSimpleName());
  }

  /** Whether failsafe's -Dit.test patterns (comma-separated, globs, #methods) include a class. */
  static boolean selects(String patterns, String className) {
    return Arrays.stream(patterns.split(","))
        .map(String::strip)
        .filter(p -> !p.isEmpty() && !p.startsWith("!"))
        .map(p -> p.contains("#") ? p.substring(0, p.indexOf('#')) : p)
        .map(p -> p.substring(p.lastIndexOf('/') + 1).replaceFirst("\\.(java|class)$", ""))
        .anyMatch(
            p -> className.matches(p.replace(".", "\\.").replace("*", ".*").replace("?", ".")));
  }
}
