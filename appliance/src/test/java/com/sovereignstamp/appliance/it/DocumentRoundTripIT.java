package com.sovereignstamp.appliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Documents go in and come back identical, whatever their size around the segment boundaries. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentRoundTripIT {
  static final int SEGMENT = 64 * 1024;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    return ApplianceDeployments.war(TestStamp.get().settings());
  }

  @ArquillianResource URL base;

  ApiClient user() throws Exception {
    return new ApiClient(base, TestStamp.get().tokens().token("alice", "user", "stamp-admin"));
  }

  @Test
  void documentsOfEverySizeAroundTheSegmentBoundaryReadBackIdentical() throws Exception {
    ApiClient api = user();
    String c = api.newCollection("roundtrip", "standard");
    Random random = new Random(42);
    for (int size : new int[] {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT + 7}) {
      byte[] content = new byte[size];
      random.nextBytes(content);
      HttpResponse<String> put =
          api.put(
              "/api/v1/collections/" + c + "/documents/doc-" + size, "application/x-test", content);
      assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
      HttpResponse<byte[]> get =
          api.getBytes("/api/v1/collections/" + c + "/documents/doc-" + size);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.headers().firstValue("Content-Type")).hasValue("application/x-test");
      assertThat(get.body()).as("size %d", size).isEqualTo(content);
    }
  }

  /** The server runs with -Xmx256m (payara.cmdOptions): 200 MiB only pass if both ways stream. */
  @Test
  void a200MiBDocumentStreamsInAndOutIdenticalWithinASmallHeap() throws Exception {
    ApiClient api = user();
    String c = api.newCollection("large", "standard");
    long size = 200L * 1024 * 1024;
    String path = "/api/v1/collections/" + c + "/documents/large";
    HttpResponse<String> put =
        api.send(
            api.request(path)
                .header("Content-Type", "application/octet-stream")
                .PUT(
                    HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new GeneratedContent(size, 99)),
                        size)));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    assertThat(put.body()).contains("\"size\":" + size).contains("\"segments\":3200");
    HttpResponse<InputStream> get = api.stream(api.request(path).GET());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValueAsLong("Content-Length")).hasValue(size);
    try (InputStream body = get.body()) {
      assertThat(GeneratedContent.sha256(body))
          .isEqualTo(GeneratedContent.sha256(new GeneratedContent(size, 99)));
    }
  }

  @Test
  void metadataShowsDecryptedNameAndLabelsAndNoSubjectId() throws Exception {
    ApiClient api = user();
    String c = api.newCollection("meta", "critical");
    HttpResponse<String> put =
        api.put(
            "/api/v1/collections/" + c + "/documents/report",
            "text/plain",
            "hello".getBytes(),
            Map.of(
                "Stamp-Document-Name", "Quarterly%20report%20%C3%A9t%C3%A9.txt",
                "Stamp-Labels", "finance,q3",
                "Stamp-Data-Subject", "customer-4711"));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    HttpResponse<String> meta = api.get("/api/v1/collections/" + c + "/documents/report/metadata");
    assertThat(meta.statusCode()).isEqualTo(200);
    assertThat(meta.body())
        .contains("\"name\":\"Quarterly report été.txt\"")
        .contains("\"labels\":[\"finance\",\"q3\"]")
        .contains("\"dataSubject\":true")
        .contains("\"residency\":\"eu-de\"")
        .doesNotContain("customer-4711");
  }

  @Test
  void healthMetricsAndOpenApiDescribeTheService() throws Exception {
    ApiClient api = user();
    api.newCollection("observed", "standard");
    HttpResponse<String> ready = api.get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"name\":\"stamp\"")
        .contains("\"status\":\"UP\"")
        .contains("\"region\":\"eu-de\"");
    HttpResponse<String> metrics = api.get("/metrics?scope=application");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("stamp_dek_unwraps").contains("stamp_bridge_circuit");
    HttpResponse<String> openapi = api.get("/openapi");
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("/api/v1/collections/{collection}/documents/{id}")
        .contains("Sovereign Stamp API");
  }

  @Test
  void replacingKeepsCreationTimeAndRaisesTheRevision() throws Exception {
    ApiClient api = user();
    String c = api.newCollection("replace", "standard");
    String path = "/api/v1/collections/" + c + "/documents/d";
    assertThat(api.put(path, "text/plain", "one".getBytes()).statusCode()).isEqualTo(201);
    HttpResponse<String> second = api.put(path, "text/plain", "two".getBytes());
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("\"revision\":2");
    assertThat(new String(api.getBytes(path).body())).isEqualTo("two");
    assertThat(api.delete(path).statusCode()).isEqualTo(204);
    assertThat(api.get(path).statusCode()).isEqualTo(404);
  }
}
