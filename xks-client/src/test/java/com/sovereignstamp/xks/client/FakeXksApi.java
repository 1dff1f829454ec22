package com.sovereignstamp.xks.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.Consumer;
import javax.crypto.AEADBadTagException;

/** The canned XKS proxy behind {@link FakeXksProxy}: real AES-GCM, fixed metadata and health. */
final class FakeXksApi {
  static final String KEY_ID = "test-key-1";
  static final String DISABLED_KEY_ID = "disabled-key";
  static final String BROKEN_KEY_ID = "broken-key";

  /** A key this caller has no grant for: 403 AccessDeniedException. */
  static final String FORBIDDEN_KEY_ID = "forbidden-key";

  /** A key whose HSM does not answer: 503 DependencyTimeoutException. */
  static final String HSM_DOWN_KEY_ID = "hsm-down-key";

  /** A key whose error answer has a long message with non-ASCII, and more fields than it should. */
  static final String CHATTY_KEY_ID = "chatty-key";

  static final String CHATTY_SECRET = "dG9wIHNlY3JldCBrZXkgbWF0ZXJpYWw=";
  private static final String BASE = FakeXksProxy.PREFIX + "/kms/xks/v1/";

  record Answer(int status, String contentType, String body) {}

  private final FakeKey key = new FakeKey();
  volatile boolean corruptIntegrityValue;

  static Answer error(int status, String name, String message) {
    return json(
        status, Json.createObjectBuilder().add("errorName", name).add("errorMessage", message));
  }

  private static Answer json(int status, JsonObjectBuilder body) {
    return new Answer(status, "application/json", body.build().toString());
  }

  Answer answer(String method, String path, byte[] body, Consumer<JsonObject> recorder) {
    if (!"POST".equals(method)) {
      return error(405, "ValidationException", "only POST is allowed");
    }
    if (!path.startsWith(BASE)) {
      return error(404, "InvalidUriPathException", "unknown path");
    }
    JsonObject request;
    try {
      request = Json.createReader(new ByteArrayInputStream(body)).readObject();
    } catch (JsonException | IllegalStateException e) {
      return error(400, "ValidationException", "the body is not a JSON object");
    }
    recorder.accept(request);
    String[] parts = path.substring(BASE.length()).split("/");
    if (parts.length == 1 && "health".equals(parts[0])) {
      return health();
    }
    if (parts.length != 3 || !"keys".equals(parts[0])) {
      return error(404, "InvalidUriPathException", "unknown path");
    }
    try {
      return keyOperation(parts[1], parts[2], request);
    } catch (AEADBadTagException e) {
      return error(400, "InvalidCiphertextException", "the ciphertext does not authenticate");
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      return error(400, "ValidationException", "bad request fields");
    }
  }

  private Answer keyOperation(String keyId, String operation, JsonObject request)
      throws GeneralSecurityException {
    if (BROKEN_KEY_ID.equals(keyId)) {
      return new Answer(502, "text/plain", "bad gateway");
    }
    if (FORBIDDEN_KEY_ID.equals(keyId)) {
      return error(403, "AccessDeniedException", "no grant");
    }
    if (HSM_DOWN_KEY_ID.equals(keyId)) {
      return error(503, "DependencyTimeoutException", "the HSM did not answer");
    }
    if (CHATTY_KEY_ID.equals(keyId)) {
      return json(
          500,
          Json.createObjectBuilder()
              .add("errorName", "InternalException")
              .add("errorMessage", "échec\n" + "x".repeat(600))
              .add("plaintext", CHATTY_SECRET));
    }
    boolean disabled = DISABLED_KEY_ID.equals(keyId);
    if (!disabled && !KEY_ID.equals(keyId)) {
      return error(404, "KeyNotFoundException", "no key " + keyId);
    }
    switch (operation) {
      case "metadata":
        return json(
            200,
            Json.createObjectBuilder()
                .add("keySpec", "AES_256")
                .add("keyUsage", Json.createArrayBuilder().add("ENCRYPT").add("DECRYPT"))
                .add("keyStatus", disabled ? "DISABLED" : "ENABLED"));
      case "encrypt":
      case "decrypt":
        if (disabled) {
          return error(400, "InvalidStateException", "the key is disabled");
        }
        return "encrypt".equals(operation) ? encrypt(request) : decrypt(request);
      default:
        return error(404, "InvalidUriPathException", "unknown operation");
    }
  }

  private Answer encrypt(JsonObject request) throws GeneralSecurityException {
    byte[] aad = bytes(request, "additionalAuthenticatedData");
    FakeKey.Sealed sealed = key.encrypt(bytes(request, "plaintext"), aad);
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("ciphertext", b64(sealed.ciphertext()))
            .add("initializationVector", b64(sealed.iv()))
            .add("authenticationTag", b64(sealed.tag()))
            .add("ciphertextMetadata", b64(FakeKey.METADATA));
    if (request.containsKey("ciphertextDataIntegrityValueAlgorithm")) {
      byte[] cdiv = FakeKey.integrity(aad, FakeKey.METADATA, sealed);
      if (corruptIntegrityValue) {
        cdiv[0] ^= 1;
      }
      out.add("ciphertextDataIntegrityValue", b64(cdiv));
    }
    return json(200, out);
  }

  private Answer decrypt(JsonObject request) throws GeneralSecurityException {
    FakeKey.Sealed sealed =
        new FakeKey.Sealed(
            bytes(request, "ciphertext"),
            bytes(request, "initializationVector"),
            bytes(request, "authenticationTag"));
    byte[] plaintext =
        key.decrypt(
            sealed,
            bytes(request, "additionalAuthenticatedData"),
            bytes(request, "ciphertextMetadata"));
    return json(200, Json.createObjectBuilder().add("plaintext", b64(plaintext)));
  }

  private static Answer health() {
    return json(
        200,
        Json.createObjectBuilder()
            .add("xksProxyFleetSize", 2)
            .add("xksProxyVendor", "Sovereign Stamp")
            .add("xksProxyModel", "HSM bridge test double")
            .add("ekmVendor", "SoftHSM")
            .add(
                "ekmFleetDetails",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("id", "hsm-1")
                            .add("model", "SoftHSM v2")
                            .add("healthStatus", "ACTIVE"))
                    .add(
                        Json.createObjectBuilder()
                            .add("id", "hsm-2")
                            .add("model", "SoftHSM v2")
                            .add("healthStatus", "DEGRADED"))));
  }

  /** A Base64 field, or empty bytes when absent. */
  private static byte[] bytes(JsonObject o, String name) {
    return o.containsKey(name) ? Base64.getDecoder().decode(o.getString(name)) : new byte[0];
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
