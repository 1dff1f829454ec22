package com.sovereignstamp.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sovereignstamp.audit.testing.SoftHsmTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checkpoint key in a real SoftHSM2 token, through SunPKCS11. */
class Pkcs11CheckpointSignerTest {
  private static final String KEY = "audit-checkpoint-key";
  private static SoftHsmTokens tokens;
  private static SoftHsmTokens.Token token;
  private static Path config;
  private static Path neverLoggedInConfig;
  private static PublicKey generated;

  @BeforeAll
  static void tokenWithAKey() throws Exception {
    tokens = SoftHsmTokens.fromEnvironment();
    token = tokens.token("signer-test");
    config = token.config();
    neverLoggedInConfig = tokens.token("wrong-pin-test").config();
    generated =
        Pkcs11CheckpointSigner.generate(config, pin(), KEY, "CN=audit log checkpoints, O=test");
  }

  private static char[] pin() throws IOException {
    return Secrets.fromFile(tokens.pinFile());
  }

  private static Checkpoint checkpointOfTenEntries() {
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < 10; i++) {
      tree.appendEntry(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }
    return new Checkpoint(
        "bridge.bank-a", tree.size(), tree.rootHash(), Instant.parse("2026-11-28T12:00:00Z"));
  }

  @Test
  void checkpointSignedInTheToken_verifiesWithTheFipsVerifier() throws Exception {
    Pkcs11CheckpointSigner signer = Pkcs11CheckpointSigner.open(config, pin(), KEY);
    SignedCheckpoint signed = signer.sign(checkpointOfTenEntries());

    CheckpointVerifier.verify(signed, signer.publicKey());
    PublicKey fromPem = PublicKeyPem.decode(PublicKeyPem.encode(signer.publicKey()));
    CheckpointVerifier.verify(SignedCheckpoint.parse(signed.toCanonicalJson()), fromPem);
    assertThat(signer.keyId()).isEqualTo(KeyIds.of(generated)).isEqualTo(KeyIds.of(fromPem));
  }

  @Test
  void aTokenSignatureOverOtherContent_doesNotVerify() throws Exception {
    Pkcs11CheckpointSigner signer = Pkcs11CheckpointSigner.open(config, pin(), KEY);
    Checkpoint checkpoint = checkpointOfTenEntries();
    SignedCheckpoint signed = signer.sign(checkpoint);
    Checkpoint later =
        new Checkpoint(
            checkpoint.origin(),
            checkpoint.treeSize(),
            checkpoint.rootHash(),
            checkpoint.time().plusSeconds(1));
    SignedCheckpoint moved = new SignedCheckpoint(later, signed.keyId(), signed.signature());
    assertThatThrownBy(() -> CheckpointVerifier.verify(moved, signer.publicKey()))
        .isInstanceOf(CheckpointException.class);
  }

  @Test
  void aWrongPin_isRefusedWithAClearMessage_thatDoesNotRepeatThePin() {
    char[] wrong = "not-the-pin-31337".toCharArray();
    assertThatThrownBy(() -> Pkcs11CheckpointSigner.open(neverLoggedInConfig, wrong, KEY))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessage("the token refused the user PIN")
        .hasNoCause();
  }

  @Test
  void aMissingKeyLabel_isNamedInTheError() {
    assertThatThrownBy(() -> Pkcs11CheckpointSigner.open(config, pin(), "no-such-key"))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("no signing key labelled 'no-such-key' in the token");
  }

  @Test
  void generatedPrivateKey_isSensitiveAndNeverExtractable() throws Exception {
    // SunPKCS11 binds the key to its certificate (which carries the label) by CKA_ID = label
    String id = HexFormat.of().formatHex(KEY.getBytes(StandardCharsets.UTF_8));
    String objects = tokens.pkcs11Tool(token, "--list-objects", "--type", "privkey");
    assertThat(objects)
        .contains("ID:         " + id)
        .contains("Usage:      sign\n")
        .contains("Access:     sensitive, always sensitive, never extractable, local");
    assertThat(tokens.pkcs11Tool(token, "--list-objects", "--type", "cert"))
        .contains("label:      " + KEY)
        .contains("ID:         " + id);
    // and through the JDK's own key store: the token hands out a handle, never the key's bytes
    KeyStore store =
        KeyStore.getInstance(
            "PKCS11", Security.getProvider("SunPKCS11").configure(config.toString()));
    store.load(null, pin());
    Key key = store.getKey(KEY, null);
    assertThat(key).isInstanceOf(PrivateKey.class);
    assertThat(key.getEncoded()).isNull();
  }

  @Test
  void generatingUnderAnExistingLabel_isRefused() {
    assertThatThrownBy(() -> Pkcs11CheckpointSigner.generate(config, pin(), KEY, "CN=again"))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("already holds an entry labelled '" + KEY + "'");
  }

  @Test
  void aLibraryThatCannotBeLoaded_isReportedWithTheConfigurationFile() throws Exception {
    Path bad = config.resolveSibling("missing-library.cfg");
    java.nio.file.Files.writeString(
        bad, "name = missing\nlibrary = " + bad.resolveSibling("no-such-module.so") + "\n");
    assertThatThrownBy(() -> Pkcs11CheckpointSigner.open(bad, pin(), KEY))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("cannot open the PKCS#11 token configured in " + bad);
  }
}
