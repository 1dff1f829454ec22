package com.sovereignstamp.audit.checkpoint;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.audit.canonical.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;

/**
 * A witness's statement that it saw a checkpoint and found it consistent with every checkpoint of
 * the same log it saw before. Canonical JSON: {@code {"checkpoint":{…},"keyId":…,"signature":base64
 * DER,"witness":…,"witnessedAt":ISO-8601 UTC}}. The signature is ECDSA P-256 / SHA-256 over {@code
 * "sovereign-stamp/witness-cosignature/v1\n" ‖ canonical {"checkpoint","witness","witnessedAt"}}.
 *
 * <p>The HSM bridge writes it as a witness; a client (the appliance) checks it with {@link
 * CosignatureVerifier} and the witness's pinned public key, and compares {@link #checkpoint()} with
 * the checkpoint it submitted.
 *
 * @param checkpoint the checkpoint witnessed
 * @param witness the witness's name (the origin of the bridge's own log)
 * @param witnessedAt when it was witnessed
 * @param keyId the witness key's id (see {@link KeyIds})
 * @param signature the witness's signature (DER)
 */
public record Cosignature(
    Checkpoint checkpoint, String witness, Instant witnessedAt, String keyId, byte[] signature) {
  static final byte[] SIGNING_LABEL =
      "sovereign-stamp/witness-cosignature/v1\n".getBytes(StandardCharsets.US_ASCII);

  public Cosignature {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(witnessedAt, "witnessedAt");
    Objects.requireNonNull(keyId, "keyId");
    signature = signature.clone();
  }

  /** Co-signs a checkpoint now, with the witness's key. */
  public static Cosignature sign(
      Checkpoint checkpoint, String witness, Instant witnessedAt, CheckpointSigner signer) {
    byte[] signature = signer.sign(signedBytes(checkpoint, witness, witnessedAt));
    return new Cosignature(checkpoint, witness, witnessedAt, signer.keyId(), signature);
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The bytes the signature covers: the label, then the canonical statement. */
  public byte[] signedBytes() {
    return signedBytes(checkpoint, witness, witnessedAt);
  }

  private static byte[] signedBytes(Checkpoint checkpoint, String witness, Instant witnessedAt) {
    byte[] statement =
        CanonicalJson.serialize(
            CanonicalJson.object()
                .put("checkpoint", checkpoint.toJson())
                .put("witness", witness)
                .put("witnessedAt", witnessedAt.toString())
                .build());
    byte[] out = new byte[SIGNING_LABEL.length + statement.length];
    System.arraycopy(SIGNING_LABEL, 0, out, 0, SIGNING_LABEL.length);
    System.arraycopy(statement, 0, out, SIGNING_LABEL.length, statement.length);
    return out;
  }

  public JsonObject toJson() {
    return CanonicalJson.object()
        .put("checkpoint", checkpoint.toJson())
        .put("keyId", keyId)
        .put("signature", Base64.getEncoder().encodeToString(signature))
        .put("witness", witness)
        .put("witnessedAt", witnessedAt.toString())
        .build();
  }

  public byte[] toCanonicalJson() {
    return CanonicalJson.serialize(toJson());
  }

  public static Cosignature parse(byte[] json) throws CheckpointException {
    try {
      return fromJson(CanonicalJson.parse(json));
    } catch (IllegalArgumentException e) {
      // JsonParseException (malformed JSON) is an IllegalArgumentException
      throw new CheckpointException("not a co-signature: " + e.getClass().getSimpleName());
    }
  }

  public static Cosignature fromJson(JsonValue value) throws CheckpointException {
    try {
      JsonObject o = (JsonObject) value;
      return new Cosignature(
          Checkpoint.fromJson(o.get("checkpoint")),
          text(o, "witness"),
          Instant.parse(text(o, "witnessedAt")),
          text(o, "keyId"),
          Base64.getDecoder().decode(text(o, "signature")));
    } catch (ClassCastException
        | NullPointerException
        | DateTimeParseException
        | IllegalArgumentException e) {
      throw new CheckpointException("not a co-signature: " + e.getClass().getSimpleName());
    }
  }

  private static String text(JsonObject o, String name) {
    return ((JsonString) o.get(name)).value();
  }
}
