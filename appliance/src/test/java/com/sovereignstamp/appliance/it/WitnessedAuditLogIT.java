package com.sovereignstamp.appliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonNumber;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.audit.checkpoint.CheckpointVerifier;
import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.checkpoint.CosignatureVerifier;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.bridge.it.BridgeInstance;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The appliance's audit log, witnessed by the real bridge: audited operations end up in a signed
 * checkpoint that the bridge co-signed; the status shows it, the bridge holds it, and the
 * appliance's own log recorded the submission.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WitnessedAuditLogIT {
  private static final Duration WITNESSED_WITHIN = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    return ApplianceDeployments.war(TestStamp.get().settings());
  }

  @ArquillianResource URL base;

  @Test
  void auditedOperationsAreCosignedByTheBridge_shownInTheStatus_andRecordedOnBothSides()
      throws Exception {
    TestStamp stamp = TestStamp.get();
    ApiClient api = new ApiClient(base, stamp.tokens().token("alice", "user", "stamp-admin"));
    String c = api.newCollection("witnessed", "standard");
    String doc = "/api/v1/collections/" + c + "/documents/";
    assertThat(api.put(doc + "a", "text/plain", "one".getBytes()).statusCode()).isEqualTo(201);
    assertThat(api.put(doc + "b", "text/plain", "two".getBytes()).statusCode()).isEqualTo(201);
    assertThat(api.getBytes(doc + "a").statusCode()).isEqualTo(200);
    long entries = audit(api).getJsonNumber("entries").longValue();
    assertThat(entries).as("the operations were audited").isGreaterThanOrEqualTo(4);

    JsonObject audit = awaitWitnessed(api, entries);

    // the status: the last witnessed checkpoint covers the operations, and the bridge co-signed it
    JsonObject witnessed = audit.getJsonObject("lastWitnessed");
    long witnessedSize = witnessed.getJsonNumber("size").longValue();
    assertThat(witnessed.getString("witness")).isEqualTo("sovereign-stamp/hsm-bridge/demo");
    assertThat(Base64.getDecoder().decode(witnessed.getString("rootHash"))).hasSize(32);
    assertThat(Instant.parse(witnessed.getString("witnessedAt")))
        .isBetween(Instant.now().minus(WITNESSED_WITHIN.multipliedBy(2)), Instant.now());
    JsonObject lastCheckpoint = audit.getJsonObject("lastCheckpoint");
    assertThat(lastCheckpoint.getJsonNumber("size").longValue())
        .isGreaterThanOrEqualTo(witnessedSize);
    Instant.parse(lastCheckpoint.getString("time"));

    // the bridge holds a co-signed checkpoint of the appliance's log, at least as far
    BridgeInstance bridge = stamp.bridge();
    HttpResponse<byte[]> latest =
        bridge
            .https("XKS_CLIENT")
            .send(
                bridge
                    .request("/bridge/witness/checkpoints/latest", Duration.ofSeconds(10))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(latest.statusCode()).isEqualTo(200);
    var answer = (com.sovereignstamp.audit.canonical.JsonObject) CanonicalJson.parse(latest.body());
    SignedCheckpoint held =
        SignedCheckpoint.parse(CanonicalJson.serialize(answer.get("witnessed")));
    Cosignature cosignature = Cosignature.fromJson(answer.get("cosignature"));
    CheckpointVerifier.verify(held, pem(stamp.checkpointPublicKey()));
    CosignatureVerifier.verify(cosignature, pem(Path.of(bridge.env("AUDIT_PUBLIC_KEY"))));
    assertThat(cosignature.checkpoint()).isEqualTo(held.checkpoint());
    assertThat(held.checkpoint().origin()).isEqualTo(TestStamp.AUDIT_ORIGIN);
    assertThat(held.checkpoint().treeSize()).isGreaterThanOrEqualTo(witnessedSize);
    if (held.checkpoint().treeSize() == witnessedSize) {
      assertThat(Base64.getEncoder().encodeToString(held.checkpoint().rootHash().bytes()))
          .isEqualTo(witnessed.getString("rootHash"));
    }
    String metrics = bridge.metrics();
    assertThat(metrics)
        .contains("bridge_witness_cosigned_total{client=\"" + TestStamp.WITNESS_CLIENT + "\"}");
    assertThat(metrics)
        .doesNotContainPattern(
            "bridge_witness_inconsistent_total\\{client=\""
                + TestStamp.WITNESS_CLIENT
                + "\"\\} [1-9]");

    // the appliance's own log recorded the submission, and stored the checkpoint it submitted
    List<com.sovereignstamp.audit.canonical.JsonObject> submitted =
        applianceEvents("witness.submitted");
    assertThat(submitted)
        .extracting(e -> text(details(e), "treeSize"))
        .contains(Long.toString(witnessedSize));
    assertThat(applianceEvents("witness.refused")).isEmpty();
    assertThat(storedCheckpointSizes()).contains(witnessedSize);
  }

  private JsonObject awaitWitnessed(ApiClient api, long entries) throws Exception {
    long deadline = System.nanoTime() + WITNESSED_WITHIN.toNanos();
    JsonObject audit = audit(api);
    while (!covers(audit, entries)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no witnessed checkpoint of "
                + entries
                + " entries within "
                + WITNESSED_WITHIN
                + ": "
                + audit);
      }
      Thread.sleep(500);
      audit = audit(api);
    }
    return audit;
  }

  private static boolean covers(JsonObject audit, long entries) {
    JsonValue w = audit.get("lastWitnessed");
    return w != null
        && w.getValueType() == JsonValue.ValueType.OBJECT
        && w.asJsonObject().getJsonNumber("size").longValue() >= entries;
  }

  private static JsonObject audit(ApiClient api) throws Exception {
    HttpResponse<String> r = api.get("/api/v1/status");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.createReader(new StringReader(r.body())).readObject().getJsonObject("audit");
  }

  private static java.security.PublicKey pem(Path file) throws Exception {
    return PublicKeyPem.decode(Files.readString(file));
  }

  /** The appliance's audit entries of one action, read from its database. */
  private static List<com.sovereignstamp.audit.canonical.JsonObject> applianceEvents(String action)
      throws Exception {
    List<com.sovereignstamp.audit.canonical.JsonObject> out = new ArrayList<>();
    try (Connection c = database();
        PreparedStatement ps =
            c.prepareStatement("SELECT entry FROM audit_entry ORDER BY entry_index");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        var entry =
            (com.sovereignstamp.audit.canonical.JsonObject) CanonicalJson.parse(rs.getBytes(1));
        if (action.equals(text(entry, "action"))) {
          out.add(entry);
        }
      }
    }
    return out;
  }

  private static List<Long> storedCheckpointSizes() throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = database();
        PreparedStatement ps = c.prepareStatement("SELECT tree_size FROM audit_checkpoint");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private static Connection database() throws Exception {
    return DriverManager.getConnection(
        TestStamp.get().databaseUrl(),
        System.getenv("STAMP_TEST_PG_USER"),
        System.getenv("STAMP_TEST_PG_PASSWORD"));
  }

  private static com.sovereignstamp.audit.canonical.JsonObject details(
      com.sovereignstamp.audit.canonical.JsonObject entry) {
    return (com.sovereignstamp.audit.canonical.JsonObject) entry.get("details");
  }

  private static String text(com.sovereignstamp.audit.canonical.JsonObject o, String name) {
    var v = o.get(name);
    return v instanceof JsonString s
        ? s.value()
        : v instanceof JsonNumber n ? String.valueOf(n.longValueExact()) : null;
  }
}
