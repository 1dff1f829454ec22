package com.sovereignstamp.audit.checkpoint;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonString;
import java.util.Base64;

/**
 * A checkpoint with one signature: {@code {"checkpoint":{…},"keyId":…,"signature":base64 DER}} in
 * canonical JSON. Witness co-signatures will be further entries of the same shape.
 */
public record SignedCheckpoint(Checkpoint checkpoint, String keyId, byte[] signature) {
  public SignedCheckpoint {
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  public byte[] toCanonicalJson() {
    return CanonicalJson.serialize(
        CanonicalJson.object()
            .put("checkpoint", checkpoint.toJson())
            .put("keyId", keyId)
            .put("signature", Base64.getEncoder().encodeToString(signature))
            .build());
  }

  public static SignedCheckpoint parse(byte[] json) throws CheckpointException {
    try {
      JsonObject o = (JsonObject) CanonicalJson.parse(json);
      return new SignedCheckpoint(
          Checkpoint.fromJson(o.get("checkpoint")),
          ((JsonString) o.get("keyId")).value(),
          Base64.getDecoder().decode(((JsonString) o.get("signature")).value()));
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      // JsonParseException (malformed JSON) is an IllegalArgumentException
      throw new CheckpointException("not a signed checkpoint: " + e.getClass().getSimpleName());
    }
  }
}
