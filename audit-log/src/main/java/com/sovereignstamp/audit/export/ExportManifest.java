package com.sovereignstamp.audit.export;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonNull;
import com.sovereignstamp.audit.canonical.JsonNumber;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.audit.canonical.JsonValue;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What an export says about itself ({@value ExportFiles#MANIFEST}). Informational: the verifier
 * trusts only the signed checkpoint. {@code origin} is the log's name as its latest checkpoint
 * gives it; empty when the log had no checkpoint yet.
 */
public record ExportManifest(
    int formatVersion, Optional<String> origin, long entryCount, Instant createdAt) {

  public byte[] toCanonicalJson() {
    return CanonicalJson.serialize(
        CanonicalJson.object()
            .put("createdAt", createdAt.toString())
            .put("entryCount", entryCount)
            .put("formatVersion", formatVersion)
            .put("origin", origin.<JsonValue>map(JsonString::new).orElse(JsonNull.INSTANCE))
            .build());
  }

  public static ExportManifest parse(byte[] json) throws IOException {
    try {
      JsonObject o = (JsonObject) CanonicalJson.parse(json);
      JsonValue origin = o.get("origin");
      return new ExportManifest(
          (int) ((JsonNumber) o.get("formatVersion")).longValueExact(),
          origin instanceof JsonString s ? Optional.of(s.value()) : Optional.empty(),
          ((JsonNumber) o.get("entryCount")).longValueExact(),
          Instant.parse(((JsonString) o.get("createdAt")).value()));
    } catch (ClassCastException
        | NullPointerException
        | ArithmeticException
        | DateTimeParseException
        | IllegalArgumentException e) {
      throw new IOException("not an export manifest: " + e.getClass().getSimpleName());
    }
  }
}
