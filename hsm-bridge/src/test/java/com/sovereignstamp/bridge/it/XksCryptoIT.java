package com.sovereignstamp.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.xks.client.EncryptResult;
import com.sovereignstamp.xks.client.Health;
import com.sovereignstamp.xks.client.KeyMetadata;
import com.sovereignstamp.xks.client.RequestMetadata;
import com.sovereignstamp.xks.client.XksCiphertext;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The XKS key operations on a real bridge over a real SoftHSM2 token. */
class XksCryptoIT {
  private static BridgeInstance bridge;
  private static XksClient client;
  private static String key;
  private static final byte[] AAD = "stamp=s1;collection=c1".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void connect() throws Exception {
    bridge = SharedBridge.get();
    client = bridge.client();
    key = bridge.env("XKS_KEY_ID");
  }

  @AfterAll
  static void everyCallIsInTheAuditTrail() throws Exception {
    SharedBridge.everyCallIsRecorded();
  }

  static void assertXksError(ThrowingCallable call, int status, String errorName) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            XksException.class,
            e -> {
              assertThat(e.errorName()).isEqualTo(errorName);
              assertThat(e.status()).isEqualTo(status);
            });
  }

  @Test
  void metadata_reportsAes256AndWhatTheHsmKeyPermits() {
    KeyMetadata full = client.metadata(key);
    assertThat(full.keySpec()).isEqualTo("AES_256");
    assertThat(full.keyStatus()).isEqualTo("ENABLED");
    assertThat(full.keyUsage()).containsExactlyInAnyOrder("ENCRYPT", "DECRYPT");
    assertThat(client.metadata(bridge.env("XKS_ENCRYPT_ONLY_KEY_ID")).keyUsage())
        .containsExactly("ENCRYPT");
    assertThat(client.metadata(bridge.env("XKS_DECRYPT_ONLY_KEY_ID")).keyUsage())
        .containsExactly("DECRYPT");
    assertThat(client.metadata(bridge.env("XKS_NO_USAGE_KEY_ID")).keyUsage()).isEmpty();
  }

  @Test
  void encryptThenDecrypt_handlesTheLargestSizesTheSpecificationRequires() {
    byte[] plaintext = new byte[4300];
    byte[] aad = new byte[8192];
    new Random(7).nextBytes(plaintext);
    new Random(8).nextBytes(aad);
    EncryptResult c = client.encrypt(key, plaintext, aad, true);
    assertThat(c.ciphertext()).hasSize(4300).isNotEqualTo(plaintext);
    assertThat(c.iv()).hasSize(12);
    assertThat(c.authenticationTag()).hasSize(16);
    assertThat(java.util.Base64.getDecoder().decode(c.ciphertextDataIntegrityValue()))
        .hasSize(32); // the client checks its value too
    assertThat(client.decrypt(key, c, aad)).isEqualTo(plaintext);
  }

  @Test
  void encrypt_putsTheKeyVersionIntoCiphertextMetadataAndAFreshIvEachTime() {
    EncryptResult a = client.encrypt(key, new byte[32], AAD, false);
    EncryptResult b = client.encrypt(key, new byte[32], AAD, false);
    assertThat(a.ciphertextMetadata()).containsExactly(1, 0, 0, 0, 1);
    assertThat(a.iv()).isNotEqualTo(b.iv());
    assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    assertThat(a.ciphertextDataIntegrityValue()).isNull();
  }

  @Test
  void encryptWithoutAad_decryptsWithoutAad() {
    EncryptResult c = client.encrypt(key, "dek".getBytes(StandardCharsets.UTF_8), null, true);
    assertThat(client.decrypt(key, c, null)).isEqualTo("dek".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decryptWithOtherAad_isInvalidCiphertext() {
    EncryptResult c = client.encrypt(key, new byte[32], AAD, false);
    assertXksError(
        () -> client.decrypt(key, c, "other".getBytes(StandardCharsets.UTF_8)),
        400,
        "InvalidCiphertextException");
    assertXksError(() -> client.decrypt(key, c, null), 400, "InvalidCiphertextException");
  }

  @Test
  void aadMovedIntoTheMetadataField_isInvalidCiphertext() {
    // encrypt with no AAD; the bridge returns metadata M. Decrypting with AAD = M and no metadata
    // must fail: the binding carries both lengths.
    EncryptResult c = client.encrypt(key, new byte[32], null, false);
    XksCiphertext moved = XksCiphertext.of(c.ciphertext(), c.iv(), c.authenticationTag(), null);
    assertXksError(
        () -> client.decrypt(key, moved, c.ciphertextMetadata()),
        400,
        "InvalidCiphertextException");
  }

  @Test
  void ciphertextMetadataOfAnotherKeyVersion_isInvalidCiphertext() {
    EncryptResult c = client.encrypt(key, new byte[32], AAD, false);
    XksCiphertext v2 =
        XksCiphertext.of(c.ciphertext(), c.iv(), c.authenticationTag(), new byte[] {1, 0, 0, 0, 2});
    assertXksError(() -> client.decrypt(key, v2, AAD), 400, "InvalidCiphertextException");
    XksCiphertext foreign =
        XksCiphertext.of(c.ciphertext(), c.iv(), c.authenticationTag(), new byte[] {9});
    assertXksError(() -> client.decrypt(key, foreign, AAD), 400, "InvalidCiphertextException");
  }

  @Test
  void tamperedTagCiphertextOrIv_isInvalidCiphertext() {
    EncryptResult c = client.encrypt(key, new byte[32], AAD, false);
    byte[] tag = c.authenticationTag().clone();
    tag[3] ^= 0x10;
    assertXksError(
        () ->
            client.decrypt(
                key, XksCiphertext.of(c.ciphertext(), c.iv(), tag, c.ciphertextMetadata()), AAD),
        400,
        "InvalidCiphertextException");
    byte[] ct = c.ciphertext().clone();
    ct[0] ^= 1;
    assertXksError(
        () ->
            client.decrypt(
                key,
                XksCiphertext.of(ct, c.iv(), c.authenticationTag(), c.ciphertextMetadata()),
                AAD),
        400,
        "InvalidCiphertextException");
    assertXksError(
        () ->
            client.decrypt(
                key,
                XksCiphertext.of(
                    c.ciphertext(), new byte[10], c.authenticationTag(), c.ciphertextMetadata()),
                AAD),
        400,
        "InvalidCiphertextException");
    assertXksError(
        () ->
            client.decrypt(
                key,
                XksCiphertext.of(c.ciphertext(), c.iv(), new byte[12], c.ciphertextMetadata()),
                AAD),
        400,
        "InvalidCiphertextException");
  }

  @Test
  void ciphertextOfOneKey_doesNotDecryptUnderAnother() throws Exception {
    EncryptResult c = client.encrypt(key, new byte[32], AAD, false);
    assertXksError(
        () -> client.decrypt(bridge.env("XKS_DECRYPT_ONLY_KEY_ID"), c, AAD),
        400,
        "InvalidCiphertextException");
  }

  @Test
  void operationsTheKeyDoesNotPermit_areInvalidKeyUsage() {
    String encryptOnly = bridge.env("XKS_ENCRYPT_ONLY_KEY_ID");
    String decryptOnly = bridge.env("XKS_DECRYPT_ONLY_KEY_ID");
    String none = bridge.env("XKS_NO_USAGE_KEY_ID");
    EncryptResult c = client.encrypt(encryptOnly, new byte[32], AAD, true);
    assertXksError(() -> client.decrypt(encryptOnly, c, AAD), 400, "InvalidKeyUsageException");
    assertXksError(
        () -> client.encrypt(decryptOnly, new byte[32], AAD, false),
        400,
        "InvalidKeyUsageException");
    assertXksError(
        () -> client.encrypt(none, new byte[32], AAD, false), 400, "InvalidKeyUsageException");
    assertXksError(() -> client.decrypt(none, c, AAD), 400, "InvalidKeyUsageException");
  }

  @Test
  void keyIdOutsideTheKeyStore_isKeyNotFound() {
    assertXksError(() -> client.metadata("not-a-key-of-this-store"), 404, "KeyNotFoundException");
    assertXksError(
        () -> client.encrypt("not-a-key-of-this-store", new byte[1], null, false),
        404,
        "KeyNotFoundException");
    assertXksError(
        () -> client.metadata(bridge.env("XKS_HEALTH_CANARY_LABEL")), 404, "KeyNotFoundException");
  }

  @Test
  void unknownKmsOperationAndUnknownFields_areAccepted() {
    RequestMetadata md =
        RequestMetadata.defaults().withKmsOperation("BulkDescribeKey").withKmsViaService("ebs");
    assertThat(client.metadata(key, md).keySpec()).isEqualTo("AES_256");
    String api = client.apiPath();
    String body =
        "{\"requestMetadata\":{\"kmsRequestId\":\"r-1\",\"kmsOperation\":\"SomeFutureOperation\","
            + "\"awsPrincipalArn\":\"arn:aws:iam::111122223333:role/x\",\"awsSourceVpc\":\"vpc-1\","
            + "\"newField\":{\"nested\":[1,2]}},\"futureTopLevel\":true}";
    var r =
        client.send(
            "POST",
            api + "/keys/" + key + "/metadata",
            null,
            body.getBytes(StandardCharsets.UTF_8),
            true);
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void health_isDeepAndReportsTheHsm() {
    Health h = client.health();
    assertThat(h.fleetSize()).isEqualTo(1);
    assertThat(h.vendor()).isEqualTo("Sovereign Stamp");
    assertThat(h.model()).startsWith("Sovereign Stamp HSM bridge");
    assertThat(h.ekmVendor()).isEqualTo("SoftHSM project");
    assertThat(h.ekmFleetDetails()).hasSize(1);
    assertThat(h.ekmFleetDetails().get(0).healthStatus()).isEqualTo("ACTIVE");
    assertThat(h.ekmFleetDetails().get(0).model()).contains("stamp-demo");
  }
}
