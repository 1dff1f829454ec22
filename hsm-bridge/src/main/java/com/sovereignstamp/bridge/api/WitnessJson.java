package com.sovereignstamp.bridge.api;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonArray;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.audit.canonical.JsonValue;
import com.sovereignstamp.audit.checkpoint.CheckpointException;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.bridge.witness.Submission;
import com.sovereignstamp.bridge.witness.WitnessedCheckpoint;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The witness endpoint's JSON. A submission: {@code {"checkpoint": <SignedCheckpoint JSON>,
 * "consistencyProof": ["base64", …]}}; an answer: {@code {"witnessed": <SignedCheckpoint JSON>,
 * "cosignature": <Cosignature JSON>}}, in canonical form.
 */
final class WitnessJson {
  private WitnessJson() {}

  /**
   * @throws MalformedSubmissionException if the body is not a submission; the message says what is
   *     wrong
   */
  static Submission submission(byte[] body) throws MalformedSubmissionException {
    JsonObject o;
    SignedCheckpoint checkpoint;
    try {
      o = (JsonObject) CanonicalJson.parse(body);
      checkpoint = SignedCheckpoint.parse(CanonicalJson.serialize(required(o.get("checkpoint"))));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new MalformedSubmissionException("the body is not a JSON object with a checkpoint");
    } catch (CheckpointException e) {
      throw new MalformedSubmissionException(
          "checkpoint must be a signed checkpoint: {\"checkpoint\": {\"origin\", \"rootHash\","
              + " \"time\", \"treeSize\"}, \"keyId\", \"signature\"}");
    }
    List<byte[]> proof = new ArrayList<>();
    try {
      JsonValue hashes = o.get("consistencyProof");
      if (hashes != null) {
        for (JsonValue h : ((JsonArray) hashes).elements()) {
          proof.add(Base64.getDecoder().decode(((JsonString) h).value()));
        }
      }
      return new Submission(checkpoint, proof);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new MalformedSubmissionException(
          "consistencyProof must be an array of Base64 SHA-256 hashes (32 bytes each)");
    }
  }

  static byte[] witnessed(WitnessedCheckpoint w) {
    return CanonicalJson.serialize(
        CanonicalJson.object()
            .put("witnessed", CanonicalJson.parse(w.signed().toCanonicalJson()))
            .put("cosignature", w.cosignature().toJson())
            .build());
  }

  private static JsonValue required(JsonValue v) {
    if (v == null) {
      throw new IllegalArgumentException("missing");
    }
    return v;
  }

  /** A request body that is not a witness submission. */
  static final class MalformedSubmissionException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedSubmissionException(String message) {
      super(message);
    }
  }
}
