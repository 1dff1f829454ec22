package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XksClientRoundTripTest extends AgainstFakeProxy {
  @BeforeEach
  void forgetEarlierRequests() {
    proxy.requests.clear();
  }

  @Test
  void metadataOfAnEnabledKey_isAes256ForEncryptAndDecrypt() {
    KeyMetadata metadata = client.metadata(FakeXksApi.KEY_ID);

    assertThat(metadata.keySpec()).isEqualTo("AES_256");
    assertThat(metadata.keyUsage()).containsExactly("ENCRYPT", "DECRYPT");
    assertThat(metadata.keyStatus()).isEqualTo("ENABLED");
    assertThat(metadata.usableForEncryptAndDecrypt()).isTrue();
  }

  @Test
  void metadataOfADisabledKey_reportsDisabled() {
    KeyMetadata metadata = client.metadata(FakeXksApi.DISABLED_KEY_ID);

    assertThat(metadata.keyStatus()).isEqualTo("DISABLED");
    assertThat(metadata.usableForEncryptAndDecrypt()).isFalse();
  }

  @Test
  void encryptThenDecrypt_ofTheLargestRequiredSizes_returnsThePlaintext() {
    byte[] plaintext = random(4300);
    byte[] aad = random(8192);

    EncryptResult sealed = client.encrypt(FakeXksApi.KEY_ID, plaintext, aad, true);

    assertThat(sealed.ciphertext()).hasSize(4300).isNotEqualTo(plaintext);
    assertThat(sealed.iv()).hasSize(12);
    assertThat(sealed.authenticationTag()).hasSize(16);
    assertThat(sealed.ciphertextMetadata()).isEqualTo(FakeKey.METADATA);
    assertThat(sealed.ciphertextDataIntegrityValue()).isNotBlank();
    assertThat(client.decrypt(FakeXksApi.KEY_ID, sealed, aad)).isEqualTo(plaintext);
  }

  @Test
  void encryptThenDecrypt_withoutAadOrIntegrityValue_returnsThePlaintext() {
    byte[] plaintext = "a data key of 32 bytes, for once".getBytes(StandardCharsets.US_ASCII);

    EncryptResult sealed = client.encrypt(FakeXksApi.KEY_ID, plaintext, null, false);

    assertThat(sealed.ciphertextDataIntegrityValue()).isNull();
    assertThat(client.decrypt(FakeXksApi.KEY_ID, sealed, null)).isEqualTo(plaintext);
  }

  @Test
  void decrypt_ofStoredParts_returnsThePlaintext() {
    byte[] plaintext = random(32);
    EncryptResult sealed = client.encrypt(FakeXksApi.KEY_ID, plaintext, null, false);
    XksCiphertext stored =
        XksCiphertext.of(
            sealed.ciphertext(),
            sealed.iv(),
            sealed.authenticationTag(),
            sealed.ciphertextMetadata());

    assertThat(client.decrypt(FakeXksApi.KEY_ID, stored, null)).isEqualTo(plaintext);
  }

  @Test
  void health_parsesTheFleet() {
    Health health = client.health();

    assertThat(health.fleetSize()).isEqualTo(2);
    assertThat(health.vendor()).isEqualTo("Sovereign Stamp");
    assertThat(health.model()).isEqualTo("HSM bridge test double");
    assertThat(health.ekmVendor()).isEqualTo("SoftHSM");
    assertThat(health.ekmFleetDetails())
        .containsExactly(
            new EkmFleetMember("hsm-1", "SoftHSM v2", "ACTIVE"),
            new EkmFleetMember("hsm-2", "SoftHSM v2", "DEGRADED"));
    assertThat(health.anyActive()).isTrue();
  }

  @Test
  void aClientAddressingTheServerByDnsName_verifiesItsCertificateAndWorks() {
    try (XksClient byName =
        new XksClient(proxy.settings().baseUrl("https://localhost:" + proxy.port()).build())) {
      assertThat(byName.metadata(FakeXksApi.KEY_ID).keyStatus()).isEqualTo("ENABLED");
    }
  }

  @Test
  void onAWarmJvm_theDefault250msBudgetIsEnoughForEveryCall() {
    client.health();
    try (XksClient budgeted =
        new XksClient(proxy.settings().requestTimeout(XksClientSettings.DEFAULT_TIMEOUT).build())) {
      assertThat(budgeted.settings().requestTimeout()).isEqualTo(Duration.ofMillis(250));
      for (int i = 0; i < 20; i++) {
        byte[] plaintext = random(32);
        EncryptResult sealed = budgeted.encrypt(FakeXksApi.KEY_ID, plaintext, null, true);
        assertThat(budgeted.decrypt(FakeXksApi.KEY_ID, sealed, null)).isEqualTo(plaintext);
      }
    }
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
