package com.sovereignstamp.bridge.xks;

import com.sovereignstamp.bridge.health.HealthReport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Base64;

/** The JSON bodies the XKS API answers with. */
public final class XksResponses {
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private XksResponses() {}

  public static JsonObject error(XksException e) {
    return XksJson.object()
        .add("errorName", e.error().errorName())
        .add("errorMessage", e.getMessage())
        .build();
  }

  public static JsonObject metadata(KeyMetadata m) {
    JsonArrayBuilder usage = XksJson.array();
    m.keyUsage().forEach(usage::add);
    return XksJson.object()
        .add("keySpec", m.keySpec())
        .add("keyUsage", usage)
        .add("keyStatus", m.keyStatus())
        .build();
  }

  public static JsonObject encrypt(EncryptResult r) {
    JsonObjectBuilder b =
        XksJson.object()
            .add("ciphertext", B64.encodeToString(r.ciphertext().ciphertext()))
            .add("ciphertextMetadata", B64.encodeToString(r.ciphertextMetadata()))
            .add("initializationVector", B64.encodeToString(r.ciphertext().iv()))
            .add("authenticationTag", B64.encodeToString(r.ciphertext().tag()));
    r.integrityValue().ifPresent(v -> b.add("ciphertextDataIntegrityValue", B64.encodeToString(v)));
    return b.build();
  }

  public static JsonObject decrypt(byte[] plaintext) {
    return XksJson.object().add("plaintext", B64.encodeToString(plaintext)).build();
  }

  public static JsonObject health(
      int fleetSize, String proxyVendor, String proxyModel, HealthReport report) {
    return XksJson.object()
        .add("xksProxyFleetSize", fleetSize)
        .add("xksProxyVendor", proxyVendor)
        .add("xksProxyModel", proxyModel)
        .add("ekmVendor", report.hsm().vendor())
        .add(
            "ekmFleetDetails",
            XksJson.array()
                .add(
                    XksJson.object()
                        .add("id", report.hsm().id())
                        .add("model", report.hsm().model())
                        .add("healthStatus", report.health().name())))
        .build();
  }
}
