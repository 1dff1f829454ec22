package com.sovereignstamp.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sovereignstamp.audit.merkle.RootHash;
import com.sovereignstamp.fips.BcFips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Instant;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSigningTest {
  private static final char[] PASSWORD = "checkpoint-key-store-password".toCharArray();
  @TempDir static Path dir;
  private static KeyStoreCheckpointSigner signer;
  private static KeyStoreCheckpointSigner otherSigner;
  private static Checkpoint checkpoint;

  @BeforeAll
  static void keys() throws Exception {
    Path file = dir.resolve("checkpoint.bcfks");
    KeyStoreCheckpointSigner.generate(file, PASSWORD, "log", "CN=bridge audit log");
    signer = KeyStoreCheckpointSigner.open(file, PASSWORD, "log");
    Path other = dir.resolve("other.bcfks");
    KeyStoreCheckpointSigner.generate(other, PASSWORD, "log", "CN=someone else");
    otherSigner = KeyStoreCheckpointSigner.open(other, PASSWORD, "log");
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < 10; i++) {
      tree.appendEntry(("entry " + i).getBytes(StandardCharsets.UTF_8));
    }
    checkpoint =
        new Checkpoint(
            "bridge.bank-a", tree.size(), tree.rootHash(), Instant.parse("2026-11-28T12:00:00Z"));
  }

  @Test
  void signedCheckpoint_verifiesWithTheSignersPublicKey() throws Exception {
    SignedCheckpoint signed = signer.sign(checkpoint);
    assertThat(signed.keyId()).isEqualTo(KeyIds.of(signer.publicKey())).hasSize(32);
    CheckpointVerifier.verify(signed, signer.publicKey());
  }

  @Test
  void signingRunsInBouncyCastleFipsApprovedOnlyMode() {
    BcFips.provider();
    assertThat(CryptoServicesRegistrar.isInApprovedOnlyMode()).isTrue();
  }

  @Test
  void anyChangedField_breaksTheSignature() {
    SignedCheckpoint signed = signer.sign(checkpoint);
    RootHash otherRoot = RootHash.of(new byte[32]);
    for (Checkpoint changed :
        new Checkpoint[] {
          new Checkpoint(
              "bridge.bank-b", checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.time()),
          new Checkpoint(
              checkpoint.origin(),
              checkpoint.treeSize() - 1,
              checkpoint.rootHash(),
              checkpoint.time()),
          new Checkpoint(checkpoint.origin(), checkpoint.treeSize(), otherRoot, checkpoint.time()),
          new Checkpoint(
              checkpoint.origin(),
              checkpoint.treeSize(),
              checkpoint.rootHash(),
              checkpoint.time().plusSeconds(1))
        }) {
      SignedCheckpoint forged = new SignedCheckpoint(changed, signed.keyId(), signed.signature());
      assertThatThrownBy(() -> CheckpointVerifier.verify(forged, signer.publicKey()))
          .isInstanceOf(CheckpointException.class);
    }
  }

  @Test
  void anotherKey_orAFlippedSignatureBit_isRefused() {
    SignedCheckpoint byOther = otherSigner.sign(checkpoint);
    assertThatThrownBy(() -> CheckpointVerifier.verify(byOther, signer.publicKey()))
        .isInstanceOf(CheckpointException.class)
        .hasMessageContaining("not by the trusted key");
    SignedCheckpoint relabelled =
        new SignedCheckpoint(checkpoint, signer.keyId(), byOther.signature());
    assertThatThrownBy(() -> CheckpointVerifier.verify(relabelled, signer.publicKey()))
        .isInstanceOf(CheckpointException.class);
    byte[] sig = signer.sign(checkpoint).signature();
    sig[sig.length - 1] ^= 1;
    SignedCheckpoint flipped = new SignedCheckpoint(checkpoint, signer.keyId(), sig);
    assertThatThrownBy(() -> CheckpointVerifier.verify(flipped, signer.publicKey()))
        .isInstanceOf(CheckpointException.class);
  }

  @Test
  void signedCheckpoint_roundTripsAsCanonicalJson() throws Exception {
    byte[] json = signer.sign(checkpoint).toCanonicalJson();
    assertThat(CanonicalJson.isCanonical(json)).isTrue();
    SignedCheckpoint back = SignedCheckpoint.parse(json);
    assertThat(back.checkpoint()).isEqualTo(checkpoint);
    CheckpointVerifier.verify(back, signer.publicKey());
    assertThatThrownBy(
            () -> SignedCheckpoint.parse("{\"checkpoint\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CheckpointException.class);
  }

  @Test
  void signatureCoversALabel_soTheBareJsonIsNotWhatIsSigned() throws Exception {
    byte[] bare = CanonicalJson.serialize(checkpoint.toJson());
    SignedCheckpoint overBare = new SignedCheckpoint(checkpoint, signer.keyId(), signer.sign(bare));
    assertThatThrownBy(() -> CheckpointVerifier.verify(overBare, signer.publicKey()))
        .isInstanceOf(CheckpointException.class);
  }

  @Test
  void keyStoreFile_isOwnerOnly_refusesOverwriteAndAWrongPassword() throws Exception {
    Path file = dir.resolve("checkpoint.bcfks");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThatThrownBy(() -> KeyStoreCheckpointSigner.generate(file, PASSWORD, "log", "CN=x"))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    assertThatThrownBy(() -> KeyStoreCheckpointSigner.open(file, "wrong".toCharArray(), "log"))
        .isInstanceOfAny(java.io.IOException.class, GeneralSecurityException.class);
  }
}
