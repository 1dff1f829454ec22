package com.sovereignstamp.bridge.xks;

import com.sovereignstamp.bridge.health.HealthReport;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Base64;

/** The JSON bodies the XKS API answers with. */
public final class XksResponses {
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private XksResponses() {}

  public static JsonObject error(XksException e) {
    return Json.createObjectBuilder()
        .add("errorName", e.error().errorName())
        .add("errorMessage", e.getMessage())
        .build();
  }

  public static JsonObject metadata(KeyMetadata m) {
    JsonArrayBuilder usage = Json.createArrayBuilder();
    m.keyUsage().forEach(usage::add);
    return Json.createObjectBuilder()
        .add("keySpec", m.keySpec())
        .add("keyUsage", usage)
        .add("keyStatus", m.keyStatus())
        .build();
  }

  public static JsonObject encrypt(EncryptResult r) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("ciphertext", B64.encodeToString(r.ciphertext().ciphertext()))
            .add("ciphertextMetadata", B64.encodeToString(r.ciphertextMetadata()))
            .add("initializationVector", B64.encodeToString(r.ciphertext().iv()))
            .add("authenticationTag", B64.encodeToString(r.ciphertext().tag()));
    r.integrityValue().ifPresent(v -> b.add("ciphertextDataIntegrityValue", B64.encodeToString(v)));
    return b.build();
  }

  public static JsonObject decrypt(byte[] plaintext) {
    return Json.createObjectBuilder().add("plaintext", B64.encodeToString(plaintext)).build();
  }

  public static JsonObject health(
      int fleetSize, String proxyVendor, String proxyModel, HealthReport report) {
    return Json.createObjectBuilder()
        .add("xksProxyFleetSize", fleetSize)
        .add("xksProxyVendor", proxyVendor)
        .add("xksProxyModel", proxyModel)
        .add("ekmVendor", report.hsm().vendor())
        .add(
            "ekmFleetDetails",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("id", report.hsm().id())
                        .add("model", report.hsm().model())
                        .add("healthStatus", report.health().name())))
        .build();
  }
}
