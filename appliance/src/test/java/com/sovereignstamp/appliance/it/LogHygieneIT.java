package com.sovereignstamp.appliance.it;

import static com.sovereignstamp.appliance.it.BadInputIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.appliance.it.PlantedMarker.Kind;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sends the appliance what must never reach a log and records each value as planted ({@link
 * ItLogs}): document content; a document's name, labels and data subject (an e-mail address); the
 * callers' user names (and so their addresses); valid and forged tokens, a token in the query
 * string, an opaque bearer value, basic credentials. Refused requests carry them too — a bad
 * header, too many labels, malformed JSON, headers too large, roles that do not allow it, every
 * kind of refused token — as refusals are where servers log what they were sent. {@link
 * PlantedMarkersScan} searches every log of the run for them after all integration tests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogHygieneIT {
  private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    return ApplianceDeployments.war(TestStamp.get().settings());
  }

  @ArquillianResource URL base;

  /** A value unique to this run, recorded as planted. */
  private static String plant(Kind kind, String what) {
    String marker = "loghygiene-" + what + "-" + RUN;
    ItLogs.plant(kind, marker);
    return marker;
  }

  private static TestSso sso() throws Exception {
    return TestStamp.get().tokens();
  }

  @Test
  void documentContentNamesLabelsAndSubjectsGoInAndOutAndAreRefusedWithoutALogLine()
      throws Exception {
    // the user name is in the token (preferred_username) and in its address (name@stamp.invalid)
    String user = plant(Kind.PERSONAL, "user");
    ApiClient api = new ApiClient(base, sso().token(user, "user", "stamp-admin"));
    String collection = api.newCollection("loghygiene", "standard");
    String content = plant(Kind.CONTENT, "content");
    String name = plant(Kind.PERSONAL, "name");
    String label = plant(Kind.PERSONAL, "label");
    String subject = plant(Kind.PERSONAL, "subject");
    String doc = "/api/v1/collections/" + collection + "/documents/letter";
    byte[] letter = ("Dear customer,\n" + content + "\n").getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> put =
        api.put(
            doc,
            "text/plain",
            letter,
            Map.of(
                "Stamp-Document-Name", name + "%20letter.txt",
                "Stamp-Labels", label + ",loans",
                "Stamp-Data-Subject", subject + "%40stamp.invalid"));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    assertThat(api.getBytes(doc).body()).isEqualTo(letter);
    assertThat(api.get(doc + "/metadata").body()).contains(name).contains(label);
    assertThat(api.get("/api/v1/collections/" + collection + "/documents").body()).contains(name);

    assertProblem(
        api.put(doc, "text/plain", letter, Map.of("Stamp-Document-Name", name + "%ZZ")),
        400,
        "invalid-request");
    assertProblem(
        api.put(doc, "text/plain", letter, Map.of("Stamp-Labels", (label + ",").repeat(65) + "x")),
        400,
        "invalid-request");
    assertProblem(
        api.postJson("/api/v1/collections", "{\"name\": \"" + content + "\", \"classification\":"),
        400,
        "invalid-json");
    ApiClient auditor = api.withToken(sso().token(plant(Kind.PERSONAL, "auditor"), "auditor"));
    assertProblem(
        auditor.put(doc, "text/plain", letter, Map.of("Stamp-Document-Name", name)),
        403,
        "forbidden");
    assertThat(api.delete(doc).statusCode()).isEqualTo(204);
  }

  @Test
  void refusedTokensAndCredentialsAreAnsweredWithoutALogLine() throws Exception {
    TestSso sso = sso();
    String user = plant(Kind.PERSONAL, "victim");
    String valid = sso.token(user, "user");
    ApiClient api = new ApiClient(base, valid);
    assertThat(api.get("/api/v1/status").statusCode()).isEqualTo(200);

    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("unsigned", ForgedTokens.unsigned(valid));
    refused.put("hmac-signed", ForgedTokens.hmacSigned(valid));
    refused.put("signed by a stranger", ForgedTokens.signedByStranger(valid));
    // a changed payload under the real signature, its claims naming someone else
    refused.put("tampered", ForgedTokens.tampered(valid, user, plant(Kind.PERSONAL, "claimed")));
    refused.put("another issuer", sso.otherRealmToken());
    refused.put("opaque", plant(Kind.SECRET, "opaque-token"));
    for (Map.Entry<String, String> token : refused.entrySet()) {
      HttpResponse<String> r = api.withToken(token.getValue()).get("/api/v1/collections");
      assertThat(r.statusCode()).as(token.getKey()).isEqualTo(401);
    }

    String password = plant(Kind.SECRET, "password");
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    ItLogs.plant(Kind.SECRET, basic);
    ApiClient anonymous = api.withToken(null);
    assertProblem(
        anonymous.send(
            anonymous.request("/api/v1/collections").header("Authorization", "Basic " + basic)),
        401,
        "unauthorized");
    // a client's mistake that servers and proxies log with the URL
    assertProblem(anonymous.get("/api/v1/status?access_token=" + valid), 401, "unauthorized");
    assertProblem(
        api.send(api.request("/api/v1/status").header("X-Debug-Token", (valid + " ").repeat(20))),
        431,
        "headers-too-large");
  }
}
