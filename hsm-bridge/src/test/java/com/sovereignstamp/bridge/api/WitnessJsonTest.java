package com.sovereignstamp.bridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.bridge.api.WitnessJson.MalformedSubmissionException;
import com.sovereignstamp.bridge.testing.CheckpointKeys;
import com.sovereignstamp.bridge.testing.SignedTestLog;
import com.sovereignstamp.bridge.witness.Submission;
import com.sovereignstamp.bridge.witness.WitnessedCheckpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessJsonTest {
  @TempDir static Path keys;
  private static CheckpointSigner key;
  private static SignedTestLog log;
  private static SignedCheckpoint signed;

  @BeforeAll
  static void keys() throws Exception {
    key = CheckpointKeys.generate(keys, "client");
    log = SignedTestLog.empty("sovereign-stamp/appliance/eu-de", key).grow(6);
    signed = log.checkpoint();
  }

  private static String checkpointJson() {
    return new String(signed.toCanonicalJson(), StandardCharsets.UTF_8);
  }

  private static Submission parse(String body) throws MalformedSubmissionException {
    return WitnessJson.submission(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSubmission_isTheSignedCheckpointAndTheProofHashes() throws Exception {
    String proof = Base64.getEncoder().encodeToString(log.proofFrom(3).get(0));

    Submission s =
        parse(
            "{ \"checkpoint\": "
                + checkpointJson()
                + ",\n \"consistencyProof\": [\""
                + proof
                + "\"], \"unknown\": 1 }");

    assertThat(s.checkpoint().toCanonicalJson()).isEqualTo(signed.toCanonicalJson());
    assertThat(s.consistencyProof()).singleElement().isEqualTo(log.proofFrom(3).get(0));
    assertThat(parse("{\"checkpoint\":" + checkpointJson() + "}").consistencyProof()).isEmpty();
  }

  @Test
  void whatIsNotASubmission_isMalformed() {
    String[] bodies = {
      "",
      "not json",
      "[]",
      "{}",
      "{\"checkpoint\":{\"origin\":\"x\"}}",
      "{\"checkpoint\":" + checkpointJson() + ",\"consistencyProof\":\"AAAA\"}",
      "{\"checkpoint\":" + checkpointJson() + ",\"consistencyProof\":[\"!!\"]}",
      "{\"checkpoint\":" + checkpointJson() + ",\"consistencyProof\":[\"AAAA\"]}",
      "{\"checkpoint\":" + checkpointJson() + ",\"consistencyProof\":[1]}",
    };
    for (String body : bodies) {
      assertThatThrownBy(() -> parse(body))
          .as(body)
          .isInstanceOf(MalformedSubmissionException.class);
    }
  }

  @Test
  void anAnswer_holdsTheSignedCheckpointAndTheCosignature() {
    WitnessedCheckpoint w =
        new WitnessedCheckpoint(
            "appliance",
            0,
            signed,
            Cosignature.sign(
                log.unsignedCheckpoint(), "bridge", Instant.parse("2026-03-02T10:00:00Z"), key));

    byte[] json = WitnessJson.witnessed(w);

    assertThat(CanonicalJson.isCanonical(json)).isTrue();
    JsonObject o = (JsonObject) CanonicalJson.parse(json);
    assertThat(CanonicalJson.serialize(o.get("witnessed"))).isEqualTo(w.signed().toCanonicalJson());
    assertThat(CanonicalJson.serialize(o.get("cosignature")))
        .isEqualTo(w.cosignature().toCanonicalJson());
  }

  @Test
  void aProblem_isRfc9457JsonWithAStableType() {
    WitnessProblem p = WitnessProblem.INCONSISTENT_HISTORY;

    assertThat(p.status()).isEqualTo(409);
    assertThat(p.type())
        .isEqualTo("https://sovereign-stamp.example/problems/witness/inconsistent-history");
    assertThat(
            new String(
                Problems.body(p.type(), p.status(), p.title(), "sizes 5 and 8"),
                StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"detail\":\"sizes 5 and 8\",\"status\":409,\"title\":\"The checkpoint does not"
                + " extend the witnessed history\",\"type\":"
                + "\"https://sovereign-stamp.example/problems/witness/inconsistent-history\"}");
  }
}
