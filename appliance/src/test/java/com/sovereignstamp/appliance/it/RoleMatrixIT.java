package com.sovereignstamp.appliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The role matrix of docs/api.md, every role × every endpoint, with tokens of the stamp's identity
 * provider: a user with exactly one realm role each (the backup agent by its client-credentials
 * grant), and one with none. An allowed call is answered by the endpoint (never 401/403); a refused
 * one gets 403 {@code forbidden} and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleMatrixIT {
  static final String ADMIN = "stamp-admin";
  static final String USER = "user";
  static final String AUDITOR = "auditor";
  static final String OFFICER = "security-officer";
  static final String BACKUP = "backup-agent";
  static final String NONE = "no role";

  static Map<String, String> settings;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    settings = TestStamp.get().settings();
    return ApplianceDeployments.war(settings);
  }

  @ArquillianResource URL base;

  /** One endpoint of the API and the roles docs/api.md lets call it. */
  record Call(String method, String path, Set<String> allowed) {}

  @Test
  void everyRoleMayCallExactlyTheEndpointsTheMatrixGivesIt() throws Exception {
    TestSso sso = TestStamp.get().tokens();
    ApiClient admin = new ApiClient(base, sso.token("matrix-setup", ADMIN, USER));
    String collection = admin.newCollection("matrix", "standard");
    String c = "/api/v1/collections/" + collection;
    Set<String> readers = Set.of(ADMIN, USER, AUDITOR, OFFICER);
    Set<String> content = Set.of(ADMIN, USER);
    List<Call> calls =
        List.of(
            new Call("GET", "/api/v1/status", Set.of(ADMIN, USER, AUDITOR, OFFICER, BACKUP)),
            new Call("GET", "/api/v1/collections", readers),
            new Call("POST", "/api/v1/collections", Set.of(ADMIN)),
            new Call("GET", c, readers),
            new Call("GET", c + "/documents", content),
            new Call("PUT", c + "/documents/doc", content),
            new Call("GET", c + "/documents/doc", content),
            new Call("GET", c + "/documents/doc/metadata", content),
            new Call("DELETE", c + "/documents/doc", content));

    Map<String, ApiClient> callers = new LinkedHashMap<>();
    for (String role : List.of(ADMIN, USER, AUDITOR, OFFICER)) {
      callers.put(role, admin.withToken(sso.token("matrix-" + role, role)));
    }
    callers.put(BACKUP, admin.withToken(sso.backupAgentToken()));
    callers.put(NONE, admin.withToken(sso.token("matrix-nobody")));

    SoftAssertions softly = new SoftAssertions();
    List<String> checked = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, ApiClient> caller : callers.entrySet()) {
      for (Call call : calls) {
        // the document exists before every call, so that each is answered by the endpoint itself
        assertThat(admin.put(c + "/documents/doc", "text/plain", "matrix".getBytes()).statusCode())
            .isIn(200, 201);
        HttpResponse<String> r = send(caller.getValue(), call, "m" + (n++));
        String pair = caller.getKey() + " × " + call.method() + " " + call.path();
        if (call.allowed().contains(caller.getKey())) {
          softly.assertThat(r.statusCode()).as(pair + ": " + r.body()).isBetween(200, 299);
        } else {
          softly.assertThat(r.statusCode()).as(pair + ": " + r.body()).isEqualTo(403);
          softly.assertThat(r.body()).as(pair).contains("/problems/forbidden\"");
        }
        checked.add(pair);
      }
    }
    softly.assertAll();
    assertThat(checked).hasSize(callers.size() * calls.size());
    // refused writes changed nothing: the only collection named matrix-… made here is the admin's
    assertThat(admin.get("/api/v1/collections/" + collection + "-m").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> send(ApiClient api, Call call, String suffix)
      throws Exception {
    return switch (call.method()) {
      case "GET" -> api.get(call.path());
      case "PUT" -> api.put(call.path(), "text/plain", "written by the matrix".getBytes());
      case "DELETE" -> api.delete(call.path());
      case "POST" ->
          api.postJson(
              call.path(), "{\"name\":\"matrix-" + suffix + "\",\"classification\":\"standard\"}");
      default -> throw new IllegalArgumentException(call.method());
    };
  }
}
