package com.sovereignstamp.appliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client's mistakes — and an attacker's tricks — get a 4xx problem of a stable type, never a 500
 * or a stack trace, and a failed upload leaves nothing behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {
  static final long MAX_SIZE = 1024 * 1024;
  static final String PROBLEMS = "https://sovereign-stamp.example/problems/";
  static Map<String, String> settings;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    settings = TestStamp.get().settings();
    settings.put("stamp.documents.max-size", String.valueOf(MAX_SIZE));
    return ApplianceDeployments.war(settings);
  }

  @ArquillianResource URL base;
  ApiClient admin;
  String collection;

  @BeforeEach
  void collection() throws Exception {
    admin = new ApiClient(base, TestStamp.get().tokens().token("admin", "stamp-admin"));
    collection = admin.newCollection("bad", "standard");
  }

  static void assertProblem(HttpResponse<String> r, int status, String type) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.body())
        .contains("\"type\":\"" + PROBLEMS + type + "\"")
        .contains("\"status\":" + status)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void collectionsTakeJsonOnly() throws Exception {
    HttpResponse<String> r =
        admin.send(
            admin
                .request("/api/v1/collections")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
    assertProblem(r, 415, "unsupported-media-type");
  }

  @Test
  void malformedJsonIsInvalidJson() throws Exception {
    assertProblem(admin.postJson("/api/v1/collections", "{\"name\": \"x\","), 400, "invalid-json");
    assertProblem(admin.postJson("/api/v1/collections", "[1,2]"), 400, "invalid-json");
    assertProblem(admin.postJson("/api/v1/collections", ""), 400, "invalid-json");
  }

  @Test
  void badFieldsAreInvalidRequests() throws Exception {
    assertProblem(
        admin.postJson(
            "/api/v1/collections", "{\"name\":\"ok-name\",\"classification\":\"secret\"}"),
        400,
        "invalid-request");
    assertProblem(
        admin.postJson(
            "/api/v1/collections", "{\"name\":\"../etc\",\"classification\":\"standard\"}"),
        400,
        "invalid-request");
    assertProblem(
        admin.postJson("/api/v1/collections", "{\"name\":7,\"classification\":\"standard\"}"),
        400,
        "invalid-request");
    assertProblem(
        admin.postJson(
            "/api/v1/collections",
            "{\"name\":\"x1\",\"classification\":\"standard\",\"owner\":\"me\"}"),
        400,
        "invalid-request");
    assertProblem(
        admin.postJson(
            "/api/v1/collections",
            "{\"name\":\"" + collection + "\",\"classification\":\"standard\"}"),
        409,
        "collection-exists");
  }

  @Test
  void unknownCollectionsAndDocumentsAreNotFound() throws Exception {
    assertProblem(admin.get("/api/v1/collections/nope/documents/a"), 404, "unknown-collection");
    assertProblem(
        admin.get("/api/v1/collections/" + collection + "/documents/missing"),
        404,
        "unknown-document");
    assertProblem(admin.get("/api/v1/nothing-here"), 404, "not-found");
    assertProblem(admin.get("/not-the-api"), 404, "not-found");
  }

  @Test
  void idsWithPathTricksAreRefused() throws Exception {
    String docs = "/api/v1/collections/" + collection + "/documents/";
    for (String id :
        List.of("..%2F..%2Fetc%2Fpasswd", ".hidden", "%2E%2E", "a%20b", "x".repeat(200))) {
      HttpResponse<String> r = admin.put(docs + id, "text/plain", "x".getBytes());
      assertThat(r.statusCode()).as(id + ": " + r.body()).isBetween(400, 499);
      assertThat(r.headers().firstValue("Content-Type"))
          .as(id)
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
    // a NUL byte never reaches the application: the HTTP layer refuses it (400, no body)
    assertThat(admin.put(docs + "a%00b", "text/plain", "x".getBytes()).statusCode()).isEqualTo(400);
    assertThat(admin.get(docs).body()).contains("\"items\":[]");
  }

  @Test
  void oversizeHeadersGetAProblem() throws Exception {
    HttpResponse<String> r =
        admin.send(admin.request("/api/v1/status").header("X-Padding", "p".repeat(20_000)).GET());
    assertProblem(r, 431, "headers-too-large");
  }

  @Test
  void badHeaderValuesAreInvalidRequests() throws Exception {
    String doc = "/api/v1/collections/" + collection + "/documents/h";
    assertProblem(
        admin.put(doc, "text/plain", "x".getBytes(), Map.of("Stamp-Document-Name", "%ZZ")),
        400,
        "invalid-request");
    assertProblem(
        admin.put(doc, "text/plain", "x".getBytes(), Map.of("Stamp-Document-Name", "%C3%28")),
        400,
        "invalid-request");
    assertProblem(admin.put(doc, "not a media type", "x".getBytes()), 400, "invalid-request");
    assertProblem(admin.get(doc.replace("/h", "") + "?limit=0"), 400, "invalid-request");
    assertProblem(admin.get(doc.replace("/h", "") + "?cursor=garbage!"), 400, "invalid-cursor");
  }

  @Test
  void anOversizeUploadLeavesNoDocumentAndNoSegments() throws Exception {
    long segmentsBefore = segments();
    String doc = "/api/v1/collections/" + collection + "/documents/too-big";
    // announced too large: refused before reading
    assertProblem(
        admin.put(doc, "application/octet-stream", new byte[(int) MAX_SIZE + 1]),
        413,
        "content-too-large");
    // not announced (chunked): refused when the limit is crossed, after segments were written
    HttpResponse<String> chunked =
        admin.send(
            admin
                .request(doc)
                .header("Content-Type", "application/octet-stream")
                .PUT(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(new byte[(int) MAX_SIZE * 2]))));
    assertProblem(chunked, 413, "content-too-large");
    assertProblem(admin.get(doc), 404, "unknown-document");
    assertThat(segments()).isEqualTo(segmentsBefore);
  }

  @Test
  void anUploadCutOffMidwayLeavesNoDocumentAndNoSegments() throws Exception {
    long segmentsBefore = segments();
    String doc = "/api/v1/collections/" + collection + "/documents/cut-off";
    try (Socket s = new Socket("127.0.0.1", base.getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("PUT "
                  + doc
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + TestStamp.get().tokens().token("admin", "stamp-admin")
                  + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 900000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[300_000]);
      out.flush();
    }
    Thread.sleep(2000);
    assertProblem(admin.get(doc), 404, "unknown-document");
    assertThat(segments()).isEqualTo(segmentsBefore);
  }

  long segments() throws Exception {
    return new StampDatabase(settings).count("SELECT count(*) FROM stamp_segment");
  }
}
