package com.sovereignstamp.bridge.xks;

import com.sovereignstamp.bridge.keys.GcmCiphertext;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns request bodies into validated requests. Unknown fields are ignored; a field of the wrong
 * type, bad Base64 or a missing required field is {@code ValidationException}; a value beyond this
 * bridge's limits is {@code UnsupportedOperationException}; a malformed IV or tag is {@code
 * InvalidCiphertextException}.
 */
public final class XksRequestParser {
  private static final int MAX_METADATA_FIELD = 2048;
  private static final int MAX_CIPHERTEXT_METADATA = 20;
  private final XksLimits limits;

  public XksRequestParser(XksLimits limits) {
    this.limits = limits;
  }

  public RequestMetadata metadata(byte[] body, XksOperation op) {
    return requestMetadata(object(body), op);
  }

  /** Health is answered even for a body it cannot read: it names no key and changes nothing. */
  public RequestMetadata healthMetadata(byte[] body) {
    try {
      return requestMetadata(object(body), XksOperation.HEALTH);
    } catch (XksException e) {
      return new RequestMetadata("", "", Optional.empty(), Optional.empty());
    }
  }

  public EncryptRequest encrypt(byte[] body) {
    JsonObject o = object(body);
    RequestMetadata md = requestMetadata(o, XksOperation.ENCRYPT);
    algorithm(o);
    byte[] plaintext = base64(o, "plaintext", true).orElseThrow();
    if (plaintext.length == 0) {
      throw validation("plaintext must not be empty");
    }
    if (plaintext.length > limits.maxPlaintextBytes()) {
      throw new XksException(
          XksError.UNSUPPORTED_OPERATION,
          "plaintext longer than " + limits.maxPlaintextBytes() + " bytes is not supported");
    }
    Optional<byte[]> aad = aad(o);
    Optional<String> cdiv = string(o, "ciphertextDataIntegrityValueAlgorithm", false);
    if (cdiv.isPresent() && !cdiv.get().equals("SHA_256")) {
      throw new XksException(
          XksError.UNSUPPORTED_OPERATION, "ciphertextDataIntegrityValueAlgorithm must be SHA_256");
    }
    return new EncryptRequest(md, plaintext, aad, cdiv.isPresent());
  }

  public DecryptRequest decrypt(byte[] body) {
    JsonObject o = object(body);
    RequestMetadata md = requestMetadata(o, XksOperation.DECRYPT);
    algorithm(o);
    byte[] ciphertext = base64(o, "ciphertext", true).orElseThrow();
    byte[] iv = base64(o, "initializationVector", true).orElseThrow();
    byte[] tag = base64(o, "authenticationTag", true).orElseThrow();
    Optional<byte[]> meta = base64(o, "ciphertextMetadata", false);
    Optional<byte[]> aad = aad(o);
    if (ciphertext.length > limits.maxPlaintextBytes()) {
      throw new XksException(
          XksError.UNSUPPORTED_OPERATION,
          "ciphertext longer than " + limits.maxPlaintextBytes() + " bytes is not supported");
    }
    if (ciphertext.length == 0) {
      throw new XksException(XksError.INVALID_CIPHERTEXT, "ciphertext is empty");
    }
    if (iv.length != 12 && iv.length != 16) {
      throw new XksException(
          XksError.INVALID_CIPHERTEXT, "initializationVector must be 12 or 16 bytes");
    }
    if (tag.length != GcmCiphertext.TAG_BYTES) {
      throw new XksException(XksError.INVALID_CIPHERTEXT, "authenticationTag must be 16 bytes");
    }
    if (meta.isPresent() && meta.get().length > MAX_CIPHERTEXT_METADATA) {
      throw validation("ciphertextMetadata must not exceed 20 bytes");
    }
    return new DecryptRequest(md, new GcmCiphertext(iv, ciphertext, tag), aad, meta);
  }

  private Optional<byte[]> aad(JsonObject o) {
    Optional<byte[]> aad = base64(o, "additionalAuthenticatedData", false);
    if (aad.isPresent() && aad.get().length > limits.maxAadBytes()) {
      throw new XksException(
          XksError.UNSUPPORTED_OPERATION,
          "additionalAuthenticatedData longer than "
              + limits.maxAadBytes()
              + " bytes is not supported");
    }
    return aad;
  }

  private static void algorithm(JsonObject o) {
    String algorithm = string(o, "encryptionAlgorithm", true).orElseThrow();
    if (!algorithm.equals("AES_GCM")) {
      throw new XksException(XksError.UNSUPPORTED_OPERATION, "encryptionAlgorithm must be AES_GCM");
    }
  }

  private static RequestMetadata requestMetadata(JsonObject o, XksOperation op) {
    JsonValue v = o.get("requestMetadata");
    if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw validation("requestMetadata must be an object");
    }
    JsonObject md = v.asJsonObject();
    boolean keyOp = op != XksOperation.HEALTH;
    boolean cryptoOp = op == XksOperation.ENCRYPT || op == XksOperation.DECRYPT;
    return new RequestMetadata(
        bounded(string(md, "kmsRequestId", true)).orElseThrow(),
        bounded(string(md, "kmsOperation", true)).orElseThrow(),
        bounded(string(md, "awsPrincipalArn", keyOp)),
        bounded(string(md, "kmsKeyArn", cryptoOp)));
  }

  private static Optional<String> bounded(Optional<String> s) {
    if (s.isPresent() && s.get().length() > MAX_METADATA_FIELD) {
      throw validation(
          "requestMetadata fields must not exceed " + MAX_METADATA_FIELD + " characters");
    }
    return s;
  }

  private static Optional<String> string(JsonObject o, String name, boolean required) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        throw validation(name + " is required");
      }
      return Optional.empty();
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw validation(name + " must be a string");
    }
    return Optional.of(((JsonString) v).getString());
  }

  private static Optional<byte[]> base64(JsonObject o, String name, boolean required) {
    Optional<String> s = string(o, name, required);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(s.get()));
    } catch (IllegalArgumentException e) {
      throw validation(name + " is not valid Base64");
    }
  }

  private static JsonObject object(byte[] body) {
    try (JsonReader reader = XksJson.reader(body)) {
      JsonValue v = reader.readValue();
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw validation("the request body must be a JSON object");
      }
      return v.asJsonObject();
    } catch (JsonException | IllegalStateException e) {
      throw validation("the request body is not valid JSON");
    }
  }

  private static XksException validation(String message) {
    return new XksException(XksError.VALIDATION, message);
  }
}
