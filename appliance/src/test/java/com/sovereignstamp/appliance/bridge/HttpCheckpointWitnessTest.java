package com.sovereignstamp.appliance.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.appliance.audit.WitnessRefusedException;
import com.sovereignstamp.appliance.audit.WitnessUnavailableException;
import com.sovereignstamp.appliance.audit.WitnessedCheckpoint;
import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonArray;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.ConsistencyProof;
import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The witness client's side of the bridge's witness API: what it sends, and how each kind of answer
 * (docs/hsm-bridge.md "Witness") comes back to the appliance. The bridge's signatures are not
 * checked here (that is WitnessSubmitter's job): the bytes are opaque.
 */
class HttpCheckpointWitnessTest {
  private static final String PROBLEMS = "https://sovereign-stamp.example/problems/witness/";
  private static final Checkpoint CHECKPOINT =
      new Checkpoint(
          "sovereign-stamp/appliance/eu-de",
          5,
          tree(5).rootHash(),
          Instant.parse("2026-03-02T09:59:00Z"));
  private static final SignedCheckpoint SIGNED =
      new SignedCheckpoint(CHECKPOINT, "appliance-key", new byte[] {1, 2, 3});
  private static final Cosignature COSIGNATURE =
      new Cosignature(
          CHECKPOINT,
          "sovereign-stamp/hsm-bridge/demo",
          Instant.parse("2026-03-02T10:00:00.123Z"),
          "bridge-key",
          new byte[] {4, 5, 6});

  private HttpServer server;
  private volatile Reply reply;
  private volatile Seen seen;

  private record Reply(int status, String contentType, String body, long delayMillis) {}

  private record Seen(String method, String path, String contentType, byte[] body) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void beforeTheFirstCheckpoint_theLatestIsEmpty() throws Exception {
    reply = problem(404, "not-found", "no checkpoint has been witnessed for this client yet");

    assertThat(witness().latest()).isEmpty();
    assertThat(seen.method()).isEqualTo("GET");
    assertThat(seen.path()).isEqualTo("/bridge/witness/checkpoints/latest");
  }

  @Test
  void aSubmission_carriesTheSignedCheckpointAndTheProofInBase64() throws Exception {
    reply = answer();
    ConsistencyProof proof = tree(5).consistencyProof(3, 5);

    WitnessedCheckpoint w = witness().submit(SIGNED, proof);

    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.path()).isEqualTo("/bridge/witness/checkpoints");
    assertThat(seen.contentType()).isEqualTo("application/json");
    JsonObject body = (JsonObject) CanonicalJson.parse(seen.body());
    assertThat(CanonicalJson.serialize(body.get("checkpoint"))).isEqualTo(SIGNED.toCanonicalJson());
    assertThat(((JsonArray) body.get("consistencyProof")).elements())
        .extracting(h -> Base64.getDecoder().decode(((JsonString) h).value()))
        .containsExactlyElementsOf(proof.path());
    assertThat(w.signed().toCanonicalJson()).isEqualTo(SIGNED.toCanonicalJson());
    assertThat(w.cosignature().toCanonicalJson()).isEqualTo(COSIGNATURE.toCanonicalJson());
  }

  @Test
  void theLatest_isParsedIntoTheCheckpointAndItsCosignature() throws Exception {
    reply = answer();

    WitnessedCheckpoint w = witness().latest().orElseThrow();

    assertThat(w.size()).isEqualTo(5);
    assertThat(w.witness()).isEqualTo("sovereign-stamp/hsm-bridge/demo");
    assertThat(w.witnessedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00.123Z"));
  }

  @Test
  void aProblem_isARefusalWithTheProblemsCode() {
    reply = problem(409, "inconsistent-history", "the checkpoint of 5 entries does not extend …");

    assertThatThrownBy(() -> witness().submit(SIGNED, tree(5).consistencyProof(3, 5)))
        .isInstanceOfSatisfying(
            WitnessRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo("inconsistent-history"))
        .hasMessageContaining("does not extend");
  }

  @Test
  void aNotFoundThatIsNotTheWitnesses_isARefusal_notAnEmptyHistory() {
    reply = new Reply(404, "text/html", "<html>no such page</html>", 0);

    assertThatThrownBy(() -> witness().latest())
        .isInstanceOfSatisfying(
            WitnessRefusedException.class, e -> assertThat(e.reason()).isEqualTo("http-404"));
  }

  @Test
  void aServerError_isUnavailable() {
    reply = problem(503, "audit-unavailable", "the audit trail cannot record the call");

    assertThatThrownBy(() -> witness().latest())
        .isInstanceOf(WitnessUnavailableException.class)
        .hasMessageContaining("503 audit-unavailable");
  }

  @Test
  void aSlowWitness_isUnavailableAfterTheTimeout() {
    reply = new Reply(200, "application/json", "{}", 2_000);

    assertThatThrownBy(() -> witness().latest()).isInstanceOf(WitnessUnavailableException.class);
  }

  @Test
  void aWitnessThatIsNotListening_isUnavailable() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    HttpCheckpointWitness w =
        new HttpCheckpointWitness(
            HttpClient.newHttpClient(),
            URI.create("http://127.0.0.1:" + closed),
            Duration.ofSeconds(2));

    assertThatThrownBy(w::latest).isInstanceOf(WitnessUnavailableException.class);
  }

  @Test
  void anAnswerThatIsNotAWitnessedCheckpoint_isRefusedAsMalformed() {
    for (String body :
        List.of("{}", "not json", "{\"witnessed\":{},\"cosignature\":{}}", "[1,2]")) {
      reply = new Reply(200, "application/json", body, 0);

      assertThatThrownBy(() -> witness().latest())
          .isInstanceOfSatisfying(
              WitnessRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(WitnessRefusedException.MALFORMED_ANSWER));
    }
  }

  private HttpCheckpointWitness witness() {
    return new HttpCheckpointWitness(
        HttpClient.newHttpClient(),
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        Duration.ofMillis(500));
  }

  private static Reply answer() {
    return new Reply(
        200,
        "application/json",
        CanonicalJson.serializeToString(
            CanonicalJson.object()
                .put("witnessed", CanonicalJson.parse(SIGNED.toCanonicalJson()))
                .put("cosignature", COSIGNATURE.toJson())
                .build()),
        0);
  }

  private static Reply problem(int status, String code, String detail) {
    return new Reply(
        status,
        "application/problem+json",
        CanonicalJson.serializeToString(
            CanonicalJson.object()
                .put("type", PROBLEMS + code)
                .put("title", code)
                .put("status", status)
                .put("detail", detail)
                .build()),
        0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    seen =
        new Seen(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            body);
    Reply r = reply;
    try {
      Thread.sleep(r.delayMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", r.contentType());
    exchange.sendResponseHeaders(r.status(), out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  private static MerkleTree tree(int size) {
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < size; i++) {
      tree.appendEntry(("{\"entry\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }
    return tree;
  }
}
