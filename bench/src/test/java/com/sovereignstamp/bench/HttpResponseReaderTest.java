package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

  private static HttpResponseReader reader(String wire) {
    return new HttpResponseReader(
        new BufferedInputStream(
            new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1))));
  }

  @Test
  void aContentLengthBody_isReadExactly() throws Exception {
    HttpResponse r =
        reader(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 17\r\n\r\n"
                    + "{\"plaintext\":\"\"}X")
            .read();

    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("{\"plaintext\":\"\"}X");
    assertThat(r.connectionClose()).isFalse();
  }

  @Test
  void keepAliveResponses_onOneStream_areReadOneAfterTheOther() throws Exception {
    HttpResponseReader reader =
        reader(
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"
                + "HTTP/1.1 429 Too Many Requests\r\ncontent-length: 2\r\n\r\n{}");

    HttpResponse first = reader.read();
    HttpResponse second = reader.read();

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).containsExactly('a', 'b', 'c');
    assertThat(second.status()).isEqualTo(429);
    assertThat(second.body()).hasSize(2);
  }

  @Test
  void theHeadAlone_leavesTheBodyInTheStream_forTheCallerToStream() throws Exception {
    java.io.InputStream in =
        new BufferedInputStream(
            new ByteArrayInputStream(
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                    .getBytes(StandardCharsets.ISO_8859_1)));

    HttpResponseHead head = new HttpResponseReader(in).readHead();

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.hasBody()).isTrue();
    assertThat(head.contentLength()).isEqualTo(5);
    assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello");
  }

  @Test
  void headerNames_areCaseInsensitive_andConnectionCloseIsNoticed() throws Exception {
    HttpResponse r =
        reader("HTTP/1.1 503 Service Unavailable\r\nCONNECTION: Close\r\nCONTENT-LENGTH: 0\r\n\r\n")
            .read();

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.body()).isEmpty();
    assertThat(r.connectionClose()).isTrue();
  }

  @Test
  void aStatusWithoutBody_needsNoContentLength() throws Exception {
    HttpResponse r = reader("HTTP/1.1 204 No Content\r\nServer: x\r\n\r\n").read();

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void aBareLineFeed_endsALineToo() throws Exception {
    HttpResponse r = reader("HTTP/1.1 200 OK\nContent-Length: 1\n\nz").read();

    assertThat(r.body()).containsExactly('z');
  }

  @Test
  void aChunkedResponse_isRefusedWithAClearMessage() {
    HttpResponseReader reader =
        reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");

    assertThatThrownBy(reader::read)
        .isInstanceOf(HttpProtocolException.class)
        .hasMessageContaining("chunked")
        .hasMessageContaining("Content-Length bodies only");
  }

  @Test
  void aBodyWithoutContentLength_isRefused() {
    assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\n\r\nbody until close").read())
        .isInstanceOf(HttpProtocolException.class)
        .hasMessageContaining("without Content-Length");
  }

  @Test
  void conflictingContentLengths_areRefused() {
    assertThatThrownBy(
            () ->
                reader("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd")
                    .read())
        .isInstanceOf(HttpProtocolException.class)
        .hasMessageContaining("conflicting");
  }

  @Test
  void aNegativeOrNonNumericContentLength_isRefused() {
    assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n").read())
        .isInstanceOf(HttpProtocolException.class);
    assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n").read())
        .isInstanceOf(HttpProtocolException.class);
  }

  @Test
  void aTruncatedBody_isAnEndOfStream() {
    assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc").read())
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("3 of 10");
  }

  @Test
  void aClosedConnection_beforeAnyByte_isAnEndOfStream() {
    assertThatThrownBy(() -> reader("").read())
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("closed by the server");
  }

  @Test
  void somethingOtherThanHttp_isRefused() {
    assertThatThrownBy(() -> reader("SSH-2.0-OpenSSH\r\n\r\n").read())
        .isInstanceOf(HttpProtocolException.class)
        .hasMessageContaining("status line");
    assertThatThrownBy(() -> reader("HTTP/1.1 2x0 OK\r\n\r\n").read())
        .isInstanceOf(HttpProtocolException.class);
  }

  @Test
  void aStatusLineWithoutReason_isAccepted() throws Exception {
    assertThat(reader("HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n").read().status()).isEqualTo(404);
  }
}
