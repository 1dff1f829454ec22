package com.sovereignstamp.bridge.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** Fresh SigV4 credentials in the formats the bridge accepts. */
record TestCredentials(String accessKeyId, String secret) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  static TestCredentials fresh() {
    StringBuilder akid = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      akid.append(BASE32.charAt(RANDOM.nextInt(32)));
    }
    byte[] s = new byte[32];
    RANDOM.nextBytes(s);
    return new TestCredentials(
        akid.toString(), Base64.getEncoder().withoutPadding().encodeToString(s));
  }

  JsonObject json(String clientSubject, List<String> principals) {
    var p = Json.createArrayBuilder();
    principals.forEach(p::add);
    return Json.createObjectBuilder()
        .add("accessKeyId", accessKeyId)
        .add("secretAccessKey", secret)
        .add("clientSubjects", Json.createArrayBuilder().add(clientSubject))
        .add("principals", p)
        .build();
  }

  static final String APPLIANCE_SUBJECT = "CN=stamp-appliance,O=Sovereign Stamp Demo";
}
