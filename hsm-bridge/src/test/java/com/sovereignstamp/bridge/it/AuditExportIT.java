package com.sovereignstamp.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.checkpoint.CheckpointVerifier;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An auditor's view of the shared bridge: a checkpoint on demand, the export, and the offline
 * verifier ({@code audit-log/bin/audit verify}, what {@code ./stamp audit verify} runs) finding the
 * log whole — and naming the row someone edited in the database.
 */
class AuditExportIT {
  private static BridgeInstance bridge;
  private static AuditDatabaseForTests db;
  private static PublicKey checkpointKey;

  @BeforeAll
  static void connect() throws Exception {
    bridge = SharedBridge.get();
    db = SharedBridge.audit();
    checkpointKey = PublicKeyPem.decode(Files.readString(Path.of(bridge.env("AUDIT_PUBLIC_KEY"))));
  }

  @AfterAll
  static void everyCallIsInTheAuditTrail() throws Exception {
    SharedBridge.everyCallIsRecorded();
  }

  private static HttpClient as(String certificate) {
    return bridge.https(certificate);
  }

  private static HttpRequest.Builder request(String path) {
    return bridge.request(path, Duration.ofSeconds(60));
  }

  @Test
  void aCheckpointOnDemand_isSignedByTheBridgesCheckpointKey_andCoversTheWholeLog()
      throws Exception {
    HttpResponse<byte[]> r =
        as("AUDITOR")
            .send(
                request("/bridge/audit/checkpoints")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    SignedCheckpoint c = SignedCheckpoint.parse(r.body());
    CheckpointVerifier.verify(c, checkpointKey);
    assertThat(c.checkpoint().origin()).isEqualTo("sovereign-stamp/hsm-bridge/demo");
    assertThat(c.checkpoint().treeSize()).isEqualTo(db.entries().entries().size());
  }

  @Test
  void onlyAuditors_mayExport() throws Exception {
    HttpResponse<String> r =
        as("XKS_CLIENT")
            .send(
                request("/bridge/audit/export").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.body())
        .contains("\"type\":\"https://sovereign-stamp.example/problems/audit/not-an-auditor\"");
  }

  @Test
  void anExport_isWhole_untilARowIsEditedInTheDatabase_thenTheVerifierNamesIt() throws Exception {
    Path whole = export("whole");
    JsonObject verdict = verify(whole, 0);
    assertThat(AuditEntries.text(verdict, "outcome")).isEqualTo("WHOLE");

    long victim;
    byte[] original;
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT entry_index, entry FROM audit_entry WHERE entry_index > 0 ORDER BY entry_index LIMIT 1 OFFSET 2");
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      victim = rs.getLong(1);
      original = rs.getBytes(2);
    }
    String edited = new String(original, StandardCharsets.UTF_8).replaceFirst("\"v\":1", "\"v\":2");
    assertThat(edited.getBytes(StandardCharsets.UTF_8)).isNotEqualTo(original);
    setEntry(victim, edited.getBytes(StandardCharsets.UTF_8));
    try {
      Path tampered = export("tampered");
      JsonObject departs = verify(tampered, 1);
      assertThat(AuditEntries.text(departs, "outcome")).isEqualTo("DEPARTS");
      JsonObject departure = (JsonObject) departs.get("departure");
      assertThat(AuditEntries.number(departure, "firstPossibleIndex")).isEqualTo(victim);
      assertThat(AuditEntries.number(departure, "lastPossibleIndex")).isEqualTo(victim);
    } finally {
      setEntry(victim, original);
    }
    assertThat(AuditEntries.text(verify(export("restored"), 0), "outcome")).isEqualTo("WHOLE");
  }

  private static void setEntry(long index, byte[] entry) throws Exception {
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement("UPDATE audit_entry SET entry = ? WHERE entry_index = ?")) {
      ps.setBytes(1, entry);
      ps.setLong(2, index);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  private static Path export(String name) throws Exception {
    Path zip = bridge.dir().resolve("audit-export-" + name + ".zip");
    HttpResponse<Path> r =
        as("AUDITOR")
            .send(
                request("/bridge/audit/export").GET().build(),
                HttpResponse.BodyHandlers.ofFile(zip));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
    return zip;
  }

  /** Runs the auditor's command line on an export; checks its exit status; returns its verdict. */
  private static JsonObject verify(Path export, int expectedExit) throws Exception {
    Path script = BridgeInstance.MODULE.resolve("../audit-log/bin/audit").normalize();
    Process p =
        new ProcessBuilder(
                List.of(
                    script.toString(),
                    "verify",
                    "--export",
                    export.toString(),
                    "--public-key",
                    bridge.env("AUDIT_PUBLIC_KEY"),
                    "--json"))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).as(new String(out, StandardCharsets.UTF_8)).isEqualTo(expectedExit);
    return (JsonObject)
        CanonicalJson.parse(
            new String(out, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8));
  }
}
