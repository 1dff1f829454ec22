package com.sovereignstamp.bridge.it;

import static com.sovereignstamp.bridge.it.AuditEntries.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.checkpoint.CosignatureVerifier;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.bridge.testing.CheckpointKeys;
import com.sovereignstamp.bridge.testing.SignedTestLog;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The bridge as a witness, on a real bridge: the appliance's client certificate is registered as a
 * witness client with a checkpoint key made here; its checkpoints go over mutual TLS.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WitnessIT {
  private static final String ORIGIN = "sovereign-stamp/appliance/eu-de";
  private static final String PROBLEMS = "https://sovereign-stamp.example/problems/witness/";

  private static BridgeInstance bridge;
  private static CheckpointSigner applianceKey;
  private static HttpClient appliance;

  @BeforeAll
  static void start() throws Exception {
    bridge = BridgeInstance.create("witness", Map.of("BRIDGE_BACKEND", "pkcs11"));
    Path witness = Files.createDirectories(bridge.dir().resolve("witness"));
    applianceKey = CheckpointKeys.generate(witness, "appliance-checkpoint");
    Files.writeString(
        witness.resolve("appliance.pem"), PublicKeyPem.encode(applianceKey.publicKey()));
    Files.writeString(
        witness.resolve("clients.json"),
        "{\"clients\": [{\"name\": \"appliance\", \"subject\": \""
            + subjectOf(Path.of(bridge.env("XKS_CLIENT_CERT")))
            + "\", \"origin\": \""
            + ORIGIN
            + "\", \"publicKeyFile\": \"appliance.pem\"}]}");
    bridge.property("bridge.witness.clients-file", witness.resolve("clients.json").toString());
    bridge.start();
    appliance = client("XKS_CLIENT");
  }

  @AfterAll
  static void stop() throws Exception {
    if (bridge != null) {
      bridge.stop();
    }
  }

  @Test
  @Order(1)
  void aClientThatIsNotRegistered_isRefusedAsUnknown() throws Exception {
    SignedTestLog log = SignedTestLog.empty(ORIGIN, applianceKey).grow(2);

    HttpResponse<byte[]> r = submit(client("XKS_OTHER_CLIENT"), log, 0);

    assertProblem(r, 403, "unknown-client");
  }

  @Test
  @Order(2)
  void aBodyThatIsNotASubmission_isAMalformedProblem_notAServerError() throws Exception {
    HttpResponse<byte[]> r =
        post(appliance, "{\"checkpoint\": 42}".getBytes(StandardCharsets.UTF_8));

    assertProblem(r, 400, "malformed");
  }

  @Test
  @Order(3)
  void consistentCheckpointsAreCosigned_aRewrittenHistoryIsRefusedAndAlarmed() throws Exception {
    HttpResponse<byte[]> key = get(appliance, "/bridge/witness/public-key");
    assertThat(key.statusCode()).isEqualTo(200);
    PublicKey bridgeKey = PublicKeyPem.decode(new String(key.body(), StandardCharsets.US_ASCII));
    assertThat(bridgeKey)
        .isEqualTo(PublicKeyPem.decode(Files.readString(Path.of(bridge.env("AUDIT_PUBLIC_KEY")))));
    assertProblem(get(appliance, "/bridge/witness/checkpoints/latest"), 404, "not-found");

    SignedTestLog log = SignedTestLog.empty(ORIGIN, applianceKey).grow(5);
    assertCosigned(submit(appliance, log, 0), log, bridgeKey);
    SignedTestLog grown = log.grow(4);
    assertCosigned(submit(appliance, grown, 5), grown, bridgeKey);
    SignedTestLog grownAgain = grown.grow(3);
    assertCosigned(submit(appliance, grownAgain, 9), grownAgain, bridgeKey);

    SignedTestLog rewritten = grownAgain.rewrite(3).grow(2);
    assertProblem(submit(appliance, rewritten, 12), 409, "inconsistent-history");

    assertCosigned(get(appliance, "/bridge/witness/checkpoints/latest"), grownAgain, bridgeKey);
    String metrics = new String(get(appliance, "/bridge/metrics").body(), StandardCharsets.UTF_8);
    assertThat(metrics)
        .contains("bridge_witness_inconsistent_total{client=\"appliance\"} 1")
        .contains("bridge_witness_cosigned_total{client=\"appliance\"} 3")
        .contains("bridge_witness_refused_total{reason=\"unknown-client\"} 1");

    bridge.stop();
    AuditEntries trail = auditTrail();
    List<JsonObject> alarms = trail.events("witness.inconsistent");
    assertThat(alarms).hasSize(1);
    JsonObject alarm = (JsonObject) alarms.get(0).get("details");
    assertThat(text(alarm, "client")).isEqualTo("appliance");
    assertThat(text(alarm, "witnessedTreeSize")).isEqualTo("12");
    assertThat(text(alarm, "witnessedRootHash")).isEqualTo(base64(grownAgain));
    assertThat(text(alarm, "submittedTreeSize")).isEqualTo("14");
    assertThat(text(alarm, "submittedRootHash")).isEqualTo(base64(rewritten));
    assertThat(trail.events("witness.cosigned"))
        .extracting(e -> text((JsonObject) e.get("details"), "treeSize"))
        .containsExactly("5", "9", "12");
    assertThat(trail.calls(e -> "witness.submit".equals(text(e, "operation"))))
        .extracting(e -> text(e, "outcome"))
        .containsExactly("unknown-client", "malformed", "ok", "ok", "ok", "inconsistent-history");
  }

  private static void assertCosigned(HttpResponse<byte[]> r, SignedTestLog log, PublicKey bridgeKey)
      throws Exception {
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    JsonObject body = (JsonObject) CanonicalJson.parse(r.body());
    Cosignature cosignature = Cosignature.fromJson(body.get("cosignature"));
    CosignatureVerifier.verify(cosignature, bridgeKey);
    assertThat(cosignature.checkpoint()).isEqualTo(log.unsignedCheckpoint());
    assertThat(cosignature.witness()).isEqualTo("sovereign-stamp/hsm-bridge/demo");
  }

  private static void assertProblem(HttpResponse<byte[]> r, int status, String type) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonObject problem = (JsonObject) CanonicalJson.parse(r.body());
    assertThat(text(problem, "type")).isEqualTo(PROBLEMS + type);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("Exception");
  }

  private static HttpResponse<byte[]> submit(HttpClient c, SignedTestLog log, long fromSize)
      throws Exception {
    var proof = CanonicalJson.array();
    log.proofFrom(fromSize).forEach(h -> proof.add(Base64.getEncoder().encodeToString(h)));
    byte[] body =
        CanonicalJson.serialize(
            CanonicalJson.object()
                .put("checkpoint", CanonicalJson.parse(log.checkpoint().toCanonicalJson()))
                .put("consistencyProof", proof)
                .build());
    return post(c, body);
  }

  private static HttpResponse<byte[]> post(HttpClient c, byte[] body) throws Exception {
    return c.send(
        request("/bridge/witness/checkpoints")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<byte[]> get(HttpClient c, String path) throws Exception {
    return c.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest.Builder request(String path) {
    return bridge.request(path, Duration.ofSeconds(10));
  }

  /**
   * @param certificate "XKS_CLIENT" (the appliance) or "XKS_OTHER_CLIENT"
   */
  private static HttpClient client(String certificate) {
    return bridge.https(certificate);
  }

  private static String subjectOf(Path certificatePem) throws Exception {
    try (InputStream in = Files.newInputStream(certificatePem)) {
      X509Certificate cert =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      return cert.getSubjectX500Principal().getName();
    }
  }

  /** The bridge's audit trail, read from its H2 file once the bridge has stopped. */
  private static AuditEntries auditTrail() throws Exception {
    try (Connection c =
        DriverManager.getConnection(bridge.property("bridge.audit.jdbc.url"), "", "")) {
      return AuditEntries.read(c);
    }
  }

  private static String base64(SignedTestLog log) {
    return Base64.getEncoder().encodeToString(log.tree().rootHash().bytes());
  }
}
