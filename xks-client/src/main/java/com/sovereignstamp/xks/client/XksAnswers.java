package com.sovereignstamp.xks.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Reads the successful answers of the four operations into their records. */
final class XksAnswers {
  private XksAnswers() {}

  /** The JSON object of a 2xx answer and its status. */
  record Answer(int status, JsonObject json) {
    String string(String name) {
      return Json.string(status, json, name);
    }

    byte[] bytes(String name) {
      return Json.bytes(status, json, name);
    }
  }

  static KeyMetadata keyMetadata(Answer a) {
    return new KeyMetadata(
        a.string("keySpec"), Json.strings(a.status(), a.json(), "keyUsage"), a.string("keyStatus"));
  }

  /**
   * The encrypt answer; when an integrity value was requested, it is checked against the parts.
   *
   * @throws XksException {@link XksException#INTEGRITY_MISMATCH} when it is missing or wrong
   */
  static EncryptResult encryptResult(Answer a, byte[] aadOrNull, boolean integrityRequested) {
    EncryptResult result =
        new EncryptResult(
            a.bytes("ciphertext"),
            a.bytes("initializationVector"),
            a.bytes("authenticationTag"),
            Json.optionalBytes(a.status(), a.json(), "ciphertextMetadata"),
            Json.optionalString(a.status(), a.json(), "ciphertextDataIntegrityValue"));
    if (integrityRequested) {
      String claimed = result.ciphertextDataIntegrityValue();
      if (claimed == null || !IntegrityValue.matches(claimed, aadOrNull, result)) {
        throw new XksException(
            a.status(),
            XksException.INTEGRITY_MISMATCH,
            claimed == null ? "no integrity value in the answer" : "the integrity value differs");
      }
    }
    return result;
  }

  static Health health(Answer a) {
    List<EkmFleetMember> fleet = new ArrayList<>();
    for (JsonValue v : Json.array(a.status(), a.json(), "ekmFleetDetails")) {
      JsonObject m = Json.object(a.status(), v, "ekmFleetDetails entry");
      fleet.add(
          new EkmFleetMember(
              Json.string(a.status(), m, "id"),
              Json.string(a.status(), m, "model"),
              Json.string(a.status(), m, "healthStatus")));
    }
    return new Health(
        Json.integer(a.status(), a.json(), "xksProxyFleetSize"),
        a.string("xksProxyVendor"),
        a.string("xksProxyModel"),
        a.string("ekmVendor"),
        fleet);
  }
}
