package com.sovereignstamp.appliance.it;

import static com.sovereignstamp.appliance.it.BadInputIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API accepts the tokens of the stamp's own identity provider (a real Keycloak on loopback,
 * realm "stamp") and nothing else: every refused token gets a 401 problem saying why and an audit
 * event; a caller whose residency is not the stamp's region is refused whatever its roles; a key
 * the provider rotates to is accepted within seconds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SingleSignOnIT {
  static Map<String, String> settings;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    settings = TestStamp.get().settings();
    return ApplianceDeployments.war(settings);
  }

  @ArquillianResource URL base;

  private static TestSso sso() throws Exception {
    return TestStamp.get().tokens();
  }

  @Test
  void passwordAndClientCredentialsTokensOfTheStampRealmAreAccepted() throws Exception {
    ApiClient user = new ApiClient(base, sso().token("sso-ulla", "user"));
    assertThat(user.get("/api/v1/status").statusCode()).isEqualTo(200);
    assertThat(user.get("/health/ready").body())
        .as("ready once the realm's signing keys are mirrored")
        .contains("\"status\":\"UP\"")
        .containsPattern("\"tokenSigningKeys\":\"?[1-9]");
    assertThat(user.get("/api/v1/collections").statusCode()).isEqualTo(200);

    String agentToken = sso().backupAgentToken();
    assertThat(ForgedTokens.claims(agentToken)).contains("\"azp\":\"stamp-backup-agent\"");
    ApiClient agent = user.withToken(agentToken);
    assertThat(agent.get("/api/v1/status").statusCode()).isEqualTo(200);
    assertProblem(agent.get("/api/v1/collections"), 403, "forbidden");
  }

  @Test
  void everyRefusedTokenGetsA401ProblemAndAnAuditEventSayingWhy() throws Exception {
    TestSso sso = sso();
    String valid = sso.token("sso-victor", "user", "stamp-admin");
    sso.ensureClient(
        "it-short-lived", Map.of("access.token.lifespan", "1"), "basic", "profile", "stamp-api");
    sso.ensureClient("it-other-api", Map.of(), "basic", "profile");
    sso.ensureUser("sso-walter", TestStamp.REGION, "user");
    String expired =
        sso.passwordGrant("stamp", "it-short-lived", "sso-walter", password("sso-walter"));
    String otherAudience =
        sso.passwordGrant("stamp", "it-other-api", "sso-walter", password("sso-walter"));
    Thread.sleep(2_100); // the short-lived token's one second has passed

    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("no-token", null);
    cases.put("malformed", "not-a-jwt");
    cases.put("other-issuer", sso.otherRealmToken());
    cases.put("unsigned", ForgedTokens.unsigned(valid));
    cases.put("hmac-signed", ForgedTokens.hmacSigned(valid));
    cases.put("expired", expired);
    cases.put("wrong-audience", otherAudience);
    cases.put("bad-signature", ForgedTokens.tampered(valid, "sso-victor", "sso-root"));
    cases.put("bad-signature-stranger", ForgedTokens.signedByStranger(valid));

    ApiClient api = new ApiClient(base, valid);
    assertThat(api.get("/api/v1/status").statusCode()).as("the untouched token").isEqualTo(200);
    for (Map.Entry<String, String> c : cases.entrySet()) {
      String path = "/api/v1/collections/refused-" + c.getKey();
      HttpResponse<String> r = api.withToken(c.getValue()).get(path);
      assertProblem(r, 401, "unauthorized");
      String reason = c.getKey().replace("-stranger", "");
      assertThat(r.headers().allValues("WWW-Authenticate"))
          .as(c.getKey())
          .singleElement()
          .satisfies(
              v ->
                  assertThat(v)
                      .startsWith("Bearer")
                      .endsWith(
                          c.getValue() == null
                              ? ""
                              : "Bearer realm=\"stamp\", error=\"invalid_token\","
                                  + " error_description=\""
                                  + TestSso.json(r.body()).getString("detail")
                                  + "\""));
      assertThat(new StampDatabase(settings).auditEntries())
          .as("the audit event of " + c.getKey())
          .anySatisfy(
              e ->
                  assertThat(e)
                      .contains("\"action\":\"request.refused\"")
                      .contains("\"path\":\"" + path + "\"")
                      .contains("\"status\":\"401\"")
                      .contains("\"reason\":\"" + reason + "\""));
    }
    assertThat(new StampDatabase(settings).auditEntries())
        .as("no token is ever written to the audit log")
        .noneSatisfy(e -> assertThat(e).contains(valid.split("\\.")[1]));
  }

  @Test
  void aCallerResidentElsewhereIsRefusedWhateverItsRoles() throws Exception {
    TestSso sso = sso();
    sso.ensureUser("sso-foreign-admin", "us-east", "stamp-admin", "user");
    ApiClient resident = new ApiClient(base, sso.token("sso-resident", "stamp-admin", "user"));
    assertThat(resident.get("/api/v1/status").statusCode()).isEqualTo(200);

    ApiClient foreign = resident.withToken(sso.freshToken("sso-foreign-admin"));
    for (HttpResponse<String> r :
        new HttpResponse[] {
          foreign.get("/api/v1/status"),
          foreign.get("/api/v1/collections"),
          foreign.postJson(
              "/api/v1/collections", "{\"name\":\"from-abroad\",\"classification\":\"standard\"}"),
          foreign.put("/api/v1/collections/any/documents/d", "text/plain", "x".getBytes())
        }) {
      assertProblem(r, 403, "residency-mismatch");
      assertThat(r.body()).contains("us-east").contains(TestStamp.REGION);
    }
    assertThat(resident.get("/api/v1/collections/from-abroad").statusCode()).isEqualTo(404);
    assertThat(new StampDatabase(settings).auditEntries())
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("\"action\":\"request.refused\"")
                    .contains("\"name\":\"sso-foreign-admin\"")
                    .contains("\"reason\":\"residency-mismatch\""));

    // a token without the claim (a client that maps the audience and roles but not residency)
    sso.ensureClient(
        "it-no-residency",
        Map.of(),
        java.util.List.of("basic", "profile"),
        "[" + TestSso.API_AUDIENCE_MAPPER + "," + TestSso.GROUPS_MAPPER + "]");
    String noResidency =
        sso.passwordGrant("stamp", "it-no-residency", "sso-resident", sso.password("sso-resident"));
    assertThat(ForgedTokens.claims(noResidency)).doesNotContain("\"residency\"");
    HttpResponse<String> none = resident.withToken(noResidency).get("/api/v1/status");
    assertProblem(none, 403, "residency-mismatch");
    assertThat(none.body()).contains("no residency");
  }

  @Test
  void tokensSignedWithARotatedKeyAreAcceptedWithin30Seconds() throws Exception {
    TestSso sso = sso();
    String before = sso.token("sso-rita", "user");
    ApiClient api = new ApiClient(base, before);
    assertThat(api.get("/api/v1/status").statusCode()).isEqualTo(200);

    String kid = sso.rotateSigningKey();
    long rotated = System.nanoTime();
    String after = sso.freshToken("sso-rita");
    assertThat(TestSso.kidOf(after)).isEqualTo(kid).isNotEqualTo(TestSso.kidOf(before));
    int status = 0;
    while (System.nanoTime() - rotated < Duration.ofSeconds(45).toNanos()) {
      status = api.withToken(after).get("/api/v1/status").statusCode();
      if (status == 200) {
        break;
      }
      Thread.sleep(250);
    }
    Duration accepted = Duration.ofNanos(System.nanoTime() - rotated);
    System.out.println(
        "a token of the rotated key was accepted after " + accepted.toMillis() + " ms");
    assertThat(status).isEqualTo(200);
    assertThat(accepted).isLessThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(api.get("/api/v1/status").statusCode())
        .as("tokens of the previous key, still published, stay valid until they expire")
        .isEqualTo(200);
  }

  private static String password(String user) throws Exception {
    return sso().password(user);
  }
}
