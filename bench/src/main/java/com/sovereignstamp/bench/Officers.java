package com.sovereignstamp.bench;

import com.sovereignstamp.xks.client.PemTls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The bridge's two demo officers on its admin API: officer 1 revokes the key; officers 1 and 2
 * approve (with the bridge's own officer tool) and officer 1 submits its reinstatement. The bridge
 * instance's {@code instance.env} names their certificates and keys and the admin URL.
 */
final class Officers {
  private final Map<String, String> env;
  private final String bridgeName;
  private final String keyStore;
  private final String keyId;
  private final OfficerApprovals approvals;
  private final HttpClient officer;

  Officers(
      Map<String, String> env,
      String bridgeName,
      String keyStore,
      String keyId,
      OfficerApprovals approvals) {
    this.env = env;
    this.bridgeName = bridgeName;
    this.keyStore = keyStore;
    this.keyId = keyId;
    this.approvals = approvals;
    this.officer =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(
                PemTls.mutual(
                    Path.of(required("XKS_CA_CERT")),
                    Path.of(required("OFFICER_1_CERT")),
                    Path.of(required("OFFICER_1_KEY"))))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Officer 1 revokes the key; the answer must be 200. */
  HttpResponse<String> revoke() throws IOException, InterruptedException {
    HttpResponse<String> r = admin("POST", "/revoke", null);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("revoke answered " + r.statusCode() + ": " + r.body());
    }
    return r;
  }

  /** Reinstates the key with the approvals of officers 1 and 2. */
  void reinstate() throws Exception {
    String one = approval(1);
    String two = approval(2);
    HttpResponse<String> r =
        admin("POST", "/reinstate", "{\"approvals\":[" + one + "," + two + "]}");
    if (r.statusCode() != 200) {
      throw new IllegalStateException("reinstate answered " + r.statusCode() + ": " + r.body());
    }
  }

  private String approval(int number) throws Exception {
    return approvals.reinstate(
        bridgeName,
        required("OFFICER_" + number + "_NAME"),
        Path.of(required("OFFICER_" + number + "_KEY")),
        keyStore,
        keyId);
  }

  private HttpResponse<String> admin(String method, String action, String body)
      throws IOException, InterruptedException {
    URI uri =
        URI.create(
            required("ADMIN_URL")
                + "/bridge/admin/keys/"
                + keyId
                + action
                + "?keyStore="
                + URLEncoder.encode(keyStore, StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      b.header("Content-Type", "application/json");
    }
    return officer.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private String required(String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is not in the bridge's instance.env");
    }
    return v;
  }
}
