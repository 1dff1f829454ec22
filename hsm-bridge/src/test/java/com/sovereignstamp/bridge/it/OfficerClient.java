package com.sovereignstamp.bridge.it;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.bridge.officer.ApprovalSigner;
import com.sovereignstamp.bridge.officer.PrivateKeyPem;
import com.sovereignstamp.bridge.policy.Approval;
import com.sovereignstamp.bridge.policy.ApprovalAction;
import com.sovereignstamp.bridge.policy.Grant;
import com.sovereignstamp.bridge.policy.KeyRef;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One of a test bridge's demo officers (init-instance makes two): calls the admin API with the
 * officer's certificate and signs the officer's approvals with the officer's key.
 */
public final class OfficerClient {
  /** An answer of the admin API. */
  public record Answer(int status, String body) {
    public boolean ok() {
      return status == 200;
    }

    /** The problem type's last part, for a problem+json answer. */
    public String problem() {
      JsonObject o = (JsonObject) CanonicalJson.parse(body.getBytes(StandardCharsets.UTF_8));
      String type = ((com.sovereignstamp.audit.canonical.JsonString) o.get("type")).value();
      return type.substring(type.lastIndexOf('/') + 1);
    }
  }

  private final BridgeInstance bridge;
  private final int number;
  private final HttpClient http;

  public OfficerClient(BridgeInstance bridge, int number) {
    this.bridge = bridge;
    this.number = number;
    this.http = bridge.https("OFFICER_" + number);
  }

  String name() {
    return bridge.env("OFFICER_" + number + "_NAME");
  }

  /** The bridge's name in approvals. */
  String bridgeName() throws Exception {
    return bridge.property("bridge.audit.origin");
  }

  Approval approve(ApprovalAction action, KeyRef key, Optional<Grant> grant, Instant expires)
      throws Exception {
    return ApprovalSigner.sign(
        bridgeName(),
        action,
        key,
        grant,
        ApprovalSigner.newNonce(),
        expires,
        name(),
        PrivateKeyPem.read(Path.of(bridge.env("OFFICER_" + number + "_KEY"))));
  }

  public Approval approveReinstate(KeyRef key) throws Exception {
    return approve(ApprovalAction.REINSTATE, key, Optional.empty(), Instant.now().plusSeconds(600));
  }

  public Approval approveGrant(Grant grant) throws Exception {
    return approve(
        ApprovalAction.GRANT, grant.key(), Optional.of(grant), Instant.now().plusSeconds(600));
  }

  public Answer status(KeyRef key) throws Exception {
    return send("GET", keyPath(key, ""), null);
  }

  public Answer revoke(KeyRef key) throws Exception {
    return send("POST", keyPath(key, "/revoke"), null);
  }

  public Answer reinstate(KeyRef key, List<Approval> approvals) throws Exception {
    return send("POST", keyPath(key, "/reinstate"), approvalsBody(approvals).build());
  }

  public Answer grant(Grant grant, List<Approval> approvals) throws Exception {
    return send(
        "POST",
        keyPath(grant.key(), "/grants"),
        approvalsBody(approvals).put("grant", Approval.grantJson(grant)).build());
  }

  public Answer withdraw(KeyRef key, String credential, String clientSubject) throws Exception {
    return send(
        "POST",
        keyPath(key, "/withdraw"),
        CanonicalJson.object()
            .put("credential", credential)
            .put("clientSubject", clientSubject)
            .build());
  }

  /** Grants with the approvals of officers 1 and 2, as a test's set-up; fails if refused. */
  public static void grantWithTwoOfficers(BridgeInstance bridge, Grant grant) throws Exception {
    OfficerClient one = new OfficerClient(bridge, 1);
    OfficerClient two = new OfficerClient(bridge, 2);
    Answer a = one.grant(grant, List.of(one.approveGrant(grant), two.approveGrant(grant)));
    if (!a.ok()) {
      throw new IllegalStateException("granting " + grant + " was refused: " + a.body());
    }
  }

  private static CanonicalJson.ObjectBuilder approvalsBody(List<Approval> approvals) {
    CanonicalJson.ArrayBuilder array = CanonicalJson.array();
    approvals.forEach(a -> array.add(a.toJson()));
    return CanonicalJson.object().put("approvals", array);
  }

  private static String keyPath(KeyRef key, String action) {
    return "/bridge/admin/keys/"
        + key.keyId()
        + action
        + "?keyStore="
        + URLEncoder.encode(key.keyStore(), StandardCharsets.UTF_8);
  }

  Answer send(String method, String path, JsonObject body) throws Exception {
    return send(http, bridge.env("ADMIN_URL"), method, path, body);
  }

  static Answer send(HttpClient client, String base, String method, String path, JsonObject body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(CanonicalJson.serialize(body)));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }
}
