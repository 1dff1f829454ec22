package com.sovereignstamp.appliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an attacker with the database sees (no plaintext, no names) and what tampering with it gets:
 * an {@code integrity-failure} problem without detail, and an audit entry with the detail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StoredContentProtectionIT {
  static final int SEGMENT = 64 * 1024;
  static Map<String, String> settings;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    settings = TestStamp.get().settings();
    return ApplianceDeployments.war(settings);
  }

  @ArquillianResource URL base;

  ApiClient api() throws Exception {
    return new ApiClient(
        base, TestStamp.get().tokens().token("mallory-watcher", "user", "stamp-admin"));
  }

  StampDatabase db() {
    return new StampDatabase(settings);
  }

  @Test
  void theDatabaseHoldsNeitherThePlaintextNorTheNameNorTheSubjectId() throws Exception {
    ApiClient api = api();
    String c = api.newCollection("scan", "critical");
    String contentMarker = "CONTENT-MARKER-" + UUID.randomUUID();
    String nameMarker = "NAME-MARKER-" + UUID.randomUUID();
    String labelMarker = "LABEL-MARKER-" + UUID.randomUUID();
    String subjectMarker = "SUBJECT-MARKER-" + UUID.randomUUID();
    byte[] content = (contentMarker + " ").repeat(5000).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> put =
        api.put(
            "/api/v1/collections/" + c + "/documents/scanned",
            "text/plain",
            content,
            Map.of(
                "Stamp-Document-Name", nameMarker,
                "Stamp-Labels", labelMarker,
                "Stamp-Data-Subject", subjectMarker));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    assertThat(api.getBytes("/api/v1/collections/" + c + "/documents/scanned").body())
        .isEqualTo(content);
    for (String marker : new String[] {contentMarker, nameMarker, labelMarker, subjectMarker}) {
      assertThat(db().whereFound(marker)).as(marker).isEmpty();
    }
    assertThat(db().count("SELECT count(*) FROM stamp_segment WHERE residency <> 'eu-de'"))
        .isZero();
    assertThat(db().count("SELECT count(*) FROM stamp_document WHERE residency <> 'eu-de'"))
        .isZero();
  }

  @Test
  void aFlippedCiphertextByteFailsWithIntegrityFailureAndIsAudited() throws Exception {
    Tampered t = upload("flip");
    byte[] segment = db().segment(t.objectId, 1);
    segment[100] ^= 0x01;
    db().update(
            "UPDATE stamp_segment SET data = ? WHERE object_id = ? AND idx = 1",
            segment,
            t.objectId);
    assertIntegrityFailureAudited(t);
  }

  @Test
  void swappedSegmentsFailWithIntegrityFailure() throws Exception {
    Tampered t = upload("swap");
    byte[] zero = db().segment(t.objectId, 0);
    byte[] one = db().segment(t.objectId, 1);
    db().update(
            "UPDATE stamp_segment SET data = ? WHERE object_id = ? AND idx = 0", one, t.objectId);
    db().update(
            "UPDATE stamp_segment SET data = ? WHERE object_id = ? AND idx = 1", zero, t.objectId);
    assertIntegrityFailureAudited(t);
  }

  @Test
  void aTruncatedDocumentFailsWithIntegrityFailure() throws Exception {
    Tampered t = upload("truncate");
    db().update("DELETE FROM stamp_segment WHERE object_id = ? AND idx = 2", t.objectId);
    db().update(
            "UPDATE stamp_document SET segment_count = 2, size_bytes = ? WHERE object_id = ?",
            2L * SEGMENT,
            t.objectId);
    assertIntegrityFailureAudited(t);
  }

  @Test
  void ciphertextCopiedToAnotherDocumentFailsWithIntegrityFailure() throws Exception {
    Tampered source = upload("copy-source");
    ApiClient api = api();
    String target = "copy-target";
    assertThat(
            api.put(
                    "/api/v1/collections/" + source.collection + "/documents/" + target,
                    "application/octet-stream",
                    new byte[10])
                .statusCode())
        .isEqualTo(201);
    UUID targetObject = db().objectId(source.collection, target);
    // the target row now points at the source's header and segments
    db().update(
            "UPDATE stamp_document SET object_id = ?, header = (SELECT header FROM stamp_document"
                + " WHERE object_id = ?), segment_count = 3, size_bytes = ? WHERE object_id = ?",
            UUID.randomUUID(),
            source.objectId,
            3L * SEGMENT - 5,
            targetObject);
    UUID moved = db().objectId(source.collection, target);
    db().update(
            "INSERT INTO stamp_segment (object_id, idx, data, residency) SELECT ?, idx, data,"
                + " residency FROM stamp_segment WHERE object_id = ?",
            moved,
            source.objectId);
    HttpResponse<String> r =
        api.get("/api/v1/collections/" + source.collection + "/documents/" + target);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("/problems/integrity-failure");
    assertThat(db().auditEntries())
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("document.integrity-failure")
                    .contains("\"" + target + "\""));
  }

  record Tampered(String collection, String id, UUID objectId) {}

  Tampered upload(String id) throws Exception {
    ApiClient api = api();
    String c = api.newCollection("tamper", "standard");
    byte[] content = new byte[3 * SEGMENT - 5];
    new Random(7).nextBytes(content);
    assertThat(
            api.put(
                    "/api/v1/collections/" + c + "/documents/" + id,
                    "application/octet-stream",
                    content)
                .statusCode())
        .isEqualTo(201);
    assertThat(api.getBytes("/api/v1/collections/" + c + "/documents/" + id).body())
        .isEqualTo(content);
    return new Tampered(c, id, db().objectId(c, id));
  }

  void assertIntegrityFailureAudited(Tampered t) throws Exception {
    HttpResponse<String> r =
        api().get("/api/v1/collections/" + t.collection + "/documents/" + t.id);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.body())
        .contains("\"type\":\"https://sovereign-stamp.example/problems/integrity-failure\"")
        .doesNotContain("detail")
        .doesNotContain("Exception");
    assertThat(db().auditEntries())
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("\"action\":\"document.integrity-failure\"")
                    .contains("\"collection\":\"" + t.collection + "\"")
                    .contains("\"document\":\"" + t.id + "\"")
                    .contains("\"outcome\":\"failure\"")
                    .contains("\"region\":\"eu-de\""));
  }
}
