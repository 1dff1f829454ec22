package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class PemTlsTest {
  private final TestPki pki = TestPki.get();

  @Test
  void pkcs8Keys_ofBothEcAndRsa_areRead() throws Exception {
    assertThat(Pem.privateKey(pki.key("server")).getAlgorithm()).isEqualTo("EC");
    assertThat(Pem.privateKey(pki.key("client")).getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void aChainFile_yieldsTheLeafThenTheCa() throws Exception {
    var chain = Pem.certificates(pki.chain("client"));

    assertThat(chain).hasSize(2);
    assertThat(chain.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=client");
    assertThat(chain.get(1).getBasicConstraints()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aMutualContext_offersOnlyTls13And12() {
    SSLContext context = PemTls.mutual(pki.ca(), pki.chain("client"), pki.key("client"));

    assertThat(PemTls.parameters(context).getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
  }

  @Test
  void aTrustOnlyContext_isBuiltFromTheCaAlone() {
    assertThat(PemTls.trustOnly(pki.ca()).getProtocol()).isEqualTo("TLS");
  }

  @Test
  void aKeyThatIsNotUnencryptedPkcs8_isRefusedWithoutShowingIt() throws Exception {
    Path legacy = pki.dir.resolve("legacy-ec.key");
    Files.writeString(
        legacy,
        "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBsecretbits\n-----END EC PRIVATE KEY-----\n");

    assertThatThrownBy(() -> PemTls.mutual(pki.ca(), pki.chain("client"), legacy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BEGIN PRIVATE KEY")
        .hasMessageNotContaining("secretbits");
  }

  @Test
  void strictMaterialRefusesAPrivateKeyThatGroupOrOthersCanRead() throws Exception {
    Path exposed = pki.dir.resolve("exposed-client.key");
    Files.copy(pki.key("client"), exposed, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(exposed, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> PemTls.material(pki.ca(), pki.chain("client"), exposed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exposed-client.key")
        .hasMessageNotContaining("PRIVATE KEY");
    assertThat(PemTls.mutual(pki.ca(), pki.chain("client"), exposed)).isNotNull();
  }

  @Test
  void strictMaterialReadsAnOwnerOnlyKey() {
    TlsMaterial material = PemTls.material(pki.ca(), pki.chain("client"), pki.key("client"));

    assertThat(material.hasIdentity()).isTrue();
    assertThat(material.toString()).isEqualTo("TlsMaterial[identity=present, trustAnchors=1]");
    assertThat(material.sslContext(java.util.List.of()).getProtocol()).isEqualTo("TLS");
  }

  @Test
  void aCaFileWithoutCertificates_isRefused() throws Exception {
    Path empty = pki.dir.resolve("empty.pem");
    Files.writeString(empty, "");

    assertThatThrownBy(() -> PemTls.trustOnly(empty)).isInstanceOf(IllegalArgumentException.class);
  }
}
