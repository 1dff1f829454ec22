package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentWorkloadsTest {
  private static final Target TARGET = new Target("127.0.0.1", 18445, 1000);
  private static final byte[] BODY = {1, 2, 3, 4};

  private static String text(byte[] request) {
    return new String(request, StandardCharsets.ISO_8859_1);
  }

  @Test
  void requestsGoToTheIdsInTurn_andStartOverAfterTheLast() {
    Workload put =
        DocumentWorkloads.put(
            DocumentEndpoint.baseline(), TARGET, DocumentWorkloads.ids("put", 2), BODY);

    assertThat(text(put.nextRequest())).startsWith("PUT /baseline/documents/put-0 HTTP/1.1\r\n");
    assertThat(text(put.nextRequest())).startsWith("PUT /baseline/documents/put-1 HTTP/1.1\r\n");
    assertThat(text(put.nextRequest())).startsWith("PUT /baseline/documents/put-0 HTTP/1.1\r\n");
  }

  @Test
  void onlyTheApiGetsTheToken_bothTheSameBody() {
    DocumentEndpoint api = DocumentEndpoint.api("bench", "tok.en.sig");
    String apiPut = text(api.put(TARGET, "d", BODY));
    String basePut = text(DocumentEndpoint.baseline().put(TARGET, "d", BODY));

    assertThat(apiPut)
        .startsWith("PUT /api/v1/collections/bench/documents/d HTTP/1.1\r\n")
        .contains("Authorization: Bearer tok.en.sig\r\n")
        .contains("Content-Length: 4\r\n")
        .endsWith("\r\n\r\n\u0001\u0002\u0003\u0004");
    assertThat(basePut)
        .doesNotContain("Authorization")
        .endsWith("\r\n\r\n\u0001\u0002\u0003\u0004");
    assertThat(text(api.get(TARGET, "d"))).contains("Authorization: Bearer tok.en.sig\r\n");
    assertThat(api.toString()).doesNotContain("tok.en.sig");
  }

  @Test
  void aPutIsRightWhenStoredOrReplaced_aGetOnlyWithTheSameBytes() {
    List<String> ids = DocumentWorkloads.ids("x", 1);
    Workload put = DocumentWorkloads.put(DocumentEndpoint.baseline(), TARGET, ids, BODY);
    Workload get = DocumentWorkloads.get(DocumentEndpoint.baseline(), TARGET, ids, BODY);

    assertThat(put.isExpected(new HttpResponse(200, new byte[0], false))).isTrue();
    assertThat(put.isExpected(new HttpResponse(201, new byte[0], false))).isTrue();
    assertThat(put.isExpected(new HttpResponse(409, new byte[0], false))).isFalse();
    assertThat(get.isExpected(new HttpResponse(200, BODY.clone(), false))).isTrue();
    assertThat(get.isExpected(new HttpResponse(200, new byte[] {1, 2, 3, 5}, false))).isFalse();
    assertThat(get.scenario()).isEqualTo("baseline GET");
    assertThat(get.payload()).isEqualTo("4 B");
  }
}
