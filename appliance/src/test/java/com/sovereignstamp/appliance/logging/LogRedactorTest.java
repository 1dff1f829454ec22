package com.sovereignstamp.appliance.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogRedactorTest {
  static final String HEADER = b64url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}");
  static final String CLAIMS =
      b64url("{\"sub\":\"3f9c2a10-8d5e-4c1b-9a7f-2b6e1d0c4f88\",\"preferred_username\":\"alice\"}");
  static final String SIGNATURE = b64url(bytes(256, 1));
  static final String JWT = HEADER + "." + CLAIMS + "." + SIGNATURE;

  static String b64url(String text) {
    return b64url(text.getBytes(StandardCharsets.UTF_8));
  }

  static String b64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static String redact(String s) {
    return LogRedactor.redact(s);
  }

  // --- what is redacted --------------------------------------------------------------------------

  @Test
  void signedTokens_areRedacted() {
    assertThat(redact("refused token " + JWT + ": expired"))
        .isEqualTo("refused token [redacted:token]: expired");
  }

  @Test
  void unsignedTwoPartAndEncryptedTokens_areRedacted() {
    assertThat(redact("alg none: " + HEADER + "." + CLAIMS + ". refused"))
        .isEqualTo("alg none: [redacted:token] refused");
    assertThat(redact("(" + HEADER + "." + CLAIMS + ")")).isEqualTo("([redacted:token])");
    String jwe = HEADER + ".key.iv-iv-iv." + SIGNATURE + ".tag";
    assertThat(redact("jwe=" + jwe)).doesNotContain(SIGNATURE).contains("[redacted:");
  }

  @Test
  void bearerAndBasicCredentials_areRedacted() {
    assertThat(redact("Authorization: Bearer " + JWT))
        .isEqualTo("Authorization: Bearer [redacted:token]");
    assertThat(redact("authorization=bearer 2YotnFZFEjr1zCsicMWpAA, next"))
        .isEqualTo("authorization=bearer [redacted:token], next");
    assertThat(redact("Authorization: Basic dXNlcjpodW50ZXIy"))
        .isEqualTo("Authorization: Basic [redacted:secret]");
    assertThat(redact("header Bearer not-a-jwt refused"))
        .isEqualTo("header Bearer [redacted:token] refused");
  }

  @Test
  void formAndJsonSecrets_areRedacted() {
    assertThat(
            redact(
                "grant_type=client_credentials&client_id=stamp-backup-agent&client_secret=s3cr3t-V4lue&scope=x"))
        .isEqualTo(
            "grant_type=client_credentials&client_id=stamp-backup-agent&client_secret=[redacted:secret]&scope=x");
    assertThat(redact("username=alice&password=hunter2"))
        .isEqualTo("username=alice&password=[redacted:secret]");
    assertThat(redact("{\"username\":\"alice\",\"password\" : \"hunter 2 \\\" x\",\"n\":1}"))
        .isEqualTo("{\"username\":\"alice\",\"password\" : \"[redacted:secret]\",\"n\":1}");
    assertThat(redact("{\"client_secret\":\"abc\"}"))
        .isEqualTo("{\"client_secret\":\"[redacted:secret]\"}");
    assertThat(redact("Settings[dbPassword='pa ss', access_token=opaque123]"))
        .isEqualTo("Settings[dbPassword=[redacted:secret], access_token=[redacted:secret]]");
  }

  @Test
  void emailAddresses_areRedacted_alsoPercentEncoded() {
    assertThat(redact("subject jane.doe+bank@example.co.uk refused"))
        .isEqualTo("subject [redacted:email] refused");
    assertThat(redact("name=jane.doe%40example.com&x=1")).isEqualTo("name=[redacted:email]&x=1");
    assertThat(redact("<mallory@elsewhere.invalid>")).isEqualTo("<[redacted:email]>");
  }

  @Test
  void keyMaterialInBase64AndHex_isRedacted() {
    byte[] key = bytes(32, 7);
    String b64 = Base64.getEncoder().encodeToString(key);
    assertThat(redact("dek " + b64 + " unwrapped")).isEqualTo("dek [redacted:key] unwrapped");
    assertThat(redact("dek=" + b64url(key))).isEqualTo("dek=[redacted:key]");
    assertThat(redact("key " + HexFormat.of().formatHex(key) + "."))
        .isEqualTo("key [redacted:key].");
    assertThat(redact("0x" + HexFormat.of().withUpperCase().formatHex(key)))
        .isEqualTo("[redacted:key]");
    String pem = Base64.getEncoder().encodeToString(bytes(48, 3)).substring(0, 64);
    assertThat(redact(pem)).isEqualTo("[redacted:key]");
  }

  /**
   * The threshold catches every 256-bit key but those whose 43 Base64 characters hold no digit or
   * no letter of one case (about 1 in 1,400); none of this fixed sample is one.
   */
  @ParameterizedTest
  @ValueSource(strings = {"base64", "base64url", "hex"})
  void random256BitKeys_areRedacted(String encoding) {
    Function<byte[], String> encode =
        switch (encoding) {
          case "base64" -> b -> Base64.getEncoder().encodeToString(b);
          case "base64url" -> LogRedactorTest::b64url;
          default -> b -> HexFormat.of().formatHex(b);
        };
    Random random = new Random(2026);
    for (int i = 0; i < 500; i++) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      String line = "unwrapped " + encode.apply(key) + " for loans";
      assertThat(redact(line)).as(line).isEqualTo("unwrapped [redacted:key] for loans");
    }
  }

  // --- what stays readable -----------------------------------------------------------------------

  static Stream<String> ordinaryLines() {
    return Stream.of(
        "request failed, incident 6f1c2e7a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
        "appliance started: stamp stamp-eu-de-1, region eu-de, profile production; audit log"
            + " sovereign-stamp/appliance/eu-de, checkpoint key 3f9c2a108d5e4c1b9a7f2b6e1d0c4f88,"
            + " witnessed every PT1M",
        "the bridge answers; customer key stamp-cmk-1 is Enabled",
        "identity provider signing keys: kid=Xr3Jk9QmZ0aB4cD5eF6gH7iJ8kL9mN0oP1qR2sT3uV4,"
            + " kid=p0aLt8yE2Ymjw1zKqI9N3bVx7cR5sD4fG6hJ8kL0mN2",
        "AUDIT WITNESS ALARM (log-rewritten): checkpoint of 12 entries (root"
            + " q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=): another root",
        "operating mode NORMAL -> REVOKED: the bridge refused the stamp (401)",
        "GET /api/v1/collections/loans-2026/documents/3f9c2a10-8d5e-4c1b-9a7f-2b6e1d0c4f88/metadata",
        "the identity provider's signing keys cannot be fetched from"
            + " https://127.0.0.1:8443/realms/stamp/protocol/openid-connect/certs (HTTP 503)",
        "/srv/stamp/appliance/run/tmp/payaramicro-rt10048445273134717451tmp/applications/ROOT",
        "jar:file:/opt/stamp/WEB-INF/classes/META-INF/microprofile-config.properties",
        "\tat fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore.validate"
            + "(SignedJWTIdentityStore.java:117)",
        "passwordAndClientCredentialsTokensOfTheStampRealmAreAccepted",
        "a refused request could not be audited: java.lang.IllegalStateException: closed",
        "Bearer realm=\"stamp\", error=\"invalid_token\", error_description=\"expired\"",
        "Bearer tokens are refused; Basic authentication is not offered",
        "stamp.db.password-file=/etc/stamp/db-password, stamp.bridge.secret-file=/etc/x",
        "Object com.sovereignstamp.appliance.keys.DekCache@6d06d69c, max-tokens=5",
        "[2026-11-29T08:50:43.054+0000] [] [INFO] [] [PayaraMicro] [tid: _ThreadID=1"
            + " _ThreadName=main] [timeMillis: 1795942243054] [levelValue: 800] Payara Micro"
            + " 6.2025.10 (build 42) ready in 16,648 (ms)",
        "liquibase: ChangeSet db/changelog/appliance-0.2-residency.xml::residency-1::stamp ran"
            + " successfully in 12ms, checksum 9:3e1b5c0f9d2a4b6c8e0f1a3b5c7d9e1f");
  }

  @ParameterizedTest
  @MethodSource("ordinaryLines")
  void ordinaryLines_areUntouched(String line) {
    assertThat(redact(line)).isSameAs(line);
  }

  @Test
  void nullAndEmpty_areUntouched() {
    assertThat(redact(null)).isNull();
    assertThat(redact("")).isEmpty();
  }

  // --- properties --------------------------------------------------------------------------------

  static Stream<Arguments> linesWithFindings() {
    byte[] key = bytes(32, 9);
    return Stream.of(
        Arguments.of("Authorization: Bearer " + JWT),
        Arguments.of("Bearer 2YotnFZFEjr1zCsicMWpAA and Basic dXNlcjpwdw=="),
        Arguments.of("client_secret=abc&password='x y'&{\"token\": \"t\"}"),
        Arguments.of("mail jane@example.org, dek " + Base64.getEncoder().encodeToString(key)),
        Arguments.of("hex " + HexFormat.of().formatHex(key) + " and " + HEADER + "." + CLAIMS));
  }

  @ParameterizedTest
  @MethodSource("linesWithFindings")
  void redactingTwice_changesNothingMore(String line) {
    String once = redact(line);
    assertThat(once).isNotEqualTo(line).contains("[redacted:");
    assertThat(redact(once)).isEqualTo(once);
  }

  /** Catastrophic backtracking would take minutes on each of these; linear patterns take ms. */
  static Stream<Arguments> megabyteLines() {
    int mb = 1 << 20;
    return Stream.of(
        Arguments.of("letters", "a".repeat(mb)),
        Arguments.of("almost addresses", "a@".repeat(mb / 2)),
        Arguments.of("almost domains", "a@b".repeat(mb / 3)),
        Arguments.of("token headers", "eyJ".repeat(mb / 3)),
        Arguments.of("token parts", "eyJa.".repeat(mb / 5)),
        Arguments.of("assignments", "password=".repeat(mb / 9)),
        Arguments.of("json keys", "\"password\":".repeat(mb / 11)),
        Arguments.of("a json secret", "{\"password\":\"" + "\\\"x".repeat(mb / 3) + "\"}"),
        Arguments.of("domain labels", "x@" + "a.".repeat(mb / 2) + "com"),
        Arguments.of("bearer", "Bearer ".repeat(mb / 7)),
        Arguments.of("path segments", "/ab".repeat(mb / 3)),
        Arguments.of("random base64", Base64.getEncoder().encodeToString(bytes(mb * 3 / 4, 5))),
        Arguments.of("hex", "0123456789abcdef".repeat(mb / 16)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("megabyteLines")
  void aMegabyteLine_isRedactedQuickly(String kind, String line) {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> redact(line));
  }
}
