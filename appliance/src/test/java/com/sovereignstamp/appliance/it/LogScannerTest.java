package com.sovereignstamp.appliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.appliance.it.PlantedMarker.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan that runs after the integration tests (PlantedMarkersScan) catches what leaked. */
class LogScannerTest {
  static final String CONTENT = "loghygiene-content-0123456789ab";
  static final String HEADER = b64("{\"alg\":\"RS256\",\"kid\":\"k1\"}");
  static final String CLAIMS = b64("{\"sub\":\"3f9c\",\"preferred_username\":\"loghygiene-u\"}");
  static final String TOKEN = HEADER + "." + CLAIMS + ".c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

  @TempDir Path dir;

  static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  Path log(String name, String... lines) throws Exception {
    return Files.write(dir.resolve(name), List.of(lines));
  }

  @Test
  void aPlantedMarkerInALog_isFoundWithItsFileAndLine() throws Exception {
    Path clean = log("keycloak.log", "started", "ready");
    Path leaky = log("payara-0.log", "started", "stored document: Dear customer, " + CONTENT);

    List<LogScanner.Finding> found =
        LogScanner.scan(List.of(new PlantedMarker(Kind.CONTENT, CONTENT)), List.of(clean, leaky));

    assertThat(found).singleElement().hasToString(leaky + ":2: content loghygiene-c…");
  }

  @Test
  void aTokensClaimsOrSignature_areFoundEvenWithoutTheWholeToken() throws Exception {
    String[] parts = TOKEN.split("\\.");
    Path log =
        log(
            "payara-0.log",
            "header only " + HEADER + " is the same for every token of a key",
            "claims " + parts[1],
            "signature " + parts[2] + " mismatch",
            "redacted Bearer [redacted:token]");

    List<LogScanner.Finding> found =
        LogScanner.scan(List.of(new PlantedMarker(Kind.TOKEN, TOKEN)), List.of(log));

    assertThat(found).extracting(LogScanner.Finding::line).containsExactly(2, 3);
  }

  @Test
  void aRedactedLog_hasNoFinding() throws Exception {
    Path log =
        log(
            "payara-0.log",
            "refused Authorization: Bearer [redacted:token]",
            "subject [redacted:email]");

    assertThat(
            LogScanner.scan(
                List.of(
                    new PlantedMarker(Kind.TOKEN, TOKEN),
                    new PlantedMarker(Kind.PERSONAL, "loghygiene-subject-0123456789ab")),
                List.of(log)))
        .isEmpty();
  }

  @Test
  void markersTooShortToBeSearchedFor_areSkipped() {
    assertThat(new PlantedMarker(Kind.TOKEN, "not-a-jwt").needles()).isEmpty();
    assertThat(new PlantedMarker(Kind.TOKEN, HEADER + "." + CLAIMS + ".").needles())
        .containsExactly(CLAIMS);
  }

  @Test
  void markers_roundTripThroughTheMarkersFile() {
    PlantedMarker m = new PlantedMarker(Kind.SECRET, "dXNlcjpwYXNz");
    assertThat(PlantedMarker.parse(m.line())).isEqualTo(m);
  }

  @Test
  void itTestPatterns_selectTheHygieneTestOnlyWhenTheyNameOrMatchIt() {
    assertThat(PlantedMarkersScan.selects("LogHygieneIT", "LogHygieneIT")).isTrue();
    assertThat(PlantedMarkersScan.selects("SingleSignOnIT, LogHygiene*", "LogHygieneIT")).isTrue();
    assertThat(PlantedMarkersScan.selects("**/LogHygieneIT#refused*", "LogHygieneIT")).isTrue();
    assertThat(PlantedMarkersScan.selects("SingleSignOnIT", "LogHygieneIT")).isFalse();
    assertThat(PlantedMarkersScan.selects("!LogHygieneIT", "LogHygieneIT")).isFalse();
  }
}
