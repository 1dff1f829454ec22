package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerKeyPinTest {
  private final TestPki pki = TestPki.get();

  @Test
  void thePinOfACertificateFileIsOpensslsSha256OfTheSubjectPublicKeyInfo() throws Exception {
    String cert = pki.certificate("server").toString();
    String expected =
        sh(
            "openssl x509 -in '"
                + cert
                + "' -pubkey -noout | openssl pkey -pubin -outform der"
                + " | openssl dgst -sha256 -binary | openssl base64 -A");

    assertThat(ServerKeyPin.fromCertificateFile(pki.certificate("server")).sha256())
        .isEqualTo(expected);
  }

  @Test
  void aChainFilePinsItsFirstCertificate() {
    assertThat(ServerKeyPin.fromCertificateFile(pki.chain("server")))
        .isEqualTo(ServerKeyPin.fromCertificateFile(pki.certificate("server")));
  }

  @Test
  void parseTakesAHashWithItsPrefixOrACertificatePath() {
    ServerKeyPin fromFile = ServerKeyPin.parse(pki.certificate("server").toString());

    assertThat(ServerKeyPin.parse(" " + fromFile + " ")).isEqualTo(fromFile);
    assertThat(fromFile.toString()).startsWith("sha256/");
  }

  @Test
  void aHashThatIsNotBase64OfThirtyTwoBytesIsRefused() {
    assertThatThrownBy(() -> ServerKeyPin.sha256("not base64!"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServerKeyPin.sha256("AAAA"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFileWithoutACertificateIsRefused() throws Exception {
    java.nio.file.Path empty = pki.dir.resolve("no-certificate.pem");
    java.nio.file.Files.writeString(empty, "nothing here\n");

    assertThatThrownBy(() -> ServerKeyPin.fromCertificateFile(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-certificate.pem");
  }

  private static String sh(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
