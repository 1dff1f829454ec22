package com.sovereignstamp.audit.checkpoint;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonValue;
import com.sovereignstamp.audit.merkle.RootHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;

/**
 * The state of a log at one moment: which log ({@code origin}), how many entries, the Merkle root
 * over them and when. Its canonical form is RFC 8785 JSON: {@code
 * {"origin":…,"rootHash":base64,"time":ISO-8601 UTC,"treeSize":n}}.
 */
public record Checkpoint(String origin, long treeSize, RootHash rootHash, Instant time) {
  /** Prefixed to the canonical bytes before signing, so the signature means only this. */
  static final byte[] SIGNING_LABEL =
      "sovereign-stamp/audit-checkpoint/v1\n".getBytes(StandardCharsets.US_ASCII);

  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(rootHash, "rootHash");
    Objects.requireNonNull(time, "time");
    if (origin.isBlank()) {
      throw new IllegalArgumentException("a checkpoint names its log");
    }
    if (treeSize < 0) {
      throw new IllegalArgumentException("tree size must not be negative");
    }
  }

  public JsonObject toJson() {
    return CanonicalJson.object()
        .put("origin", origin)
        .put("rootHash", Base64.getEncoder().encodeToString(rootHash.bytes()))
        .put("time", time.toString())
        .put("treeSize", treeSize)
        .build();
  }

  /** The bytes a signature covers: the label, then the canonical JSON. */
  public byte[] signedBytes() {
    byte[] json = CanonicalJson.serialize(toJson());
    byte[] out = new byte[SIGNING_LABEL.length + json.length];
    System.arraycopy(SIGNING_LABEL, 0, out, 0, SIGNING_LABEL.length);
    System.arraycopy(json, 0, out, SIGNING_LABEL.length, json.length);
    return out;
  }

  public static Checkpoint fromJson(JsonValue value) throws CheckpointException {
    try {
      JsonObject o = (JsonObject) value;
      return new Checkpoint(
          text(o, "origin"),
          ((com.sovereignstamp.audit.canonical.JsonNumber) o.get("treeSize")).longValueExact(),
          RootHash.of(Base64.getDecoder().decode(text(o, "rootHash"))),
          Instant.parse(text(o, "time")));
    } catch (ClassCastException
        | NullPointerException
        | ArithmeticException
        | DateTimeParseException
        | IllegalArgumentException e) {
      throw new CheckpointException("not a checkpoint: " + e.getClass().getSimpleName());
    }
  }

  private static String text(JsonObject o, String name) {
    return ((com.sovereignstamp.audit.canonical.JsonString) o.get(name)).value();
  }
}
