package com.sovereignstamp.bridge.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.checkpoint.CheckpointException;
import com.sovereignstamp.audit.checkpoint.CheckpointVerifier;
import com.sovereignstamp.audit.checkpoint.KeyIds;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sovereignstamp.bridge.keys.HsmEvents;
import com.sovereignstamp.bridge.keys.KeyMissingException;
import com.sovereignstamp.bridge.testing.SoftHsm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checkpoints signed inside the bridge's SoftHSM2 token, checked with Bouncy Castle FIPS. */
class HsmCheckpointSignerTest {
  private static final String TOKEN = "unit-token";
  private static SoftHsm hsm;
  private static Pkcs11Provisioner provisioner;
  private static Pkcs11KeyBackend backend;
  private static String label;

  @BeforeAll
  static void start() throws Exception {
    hsm = SoftHsm.fromEnvironment();
    hsm.ensureToken(TOKEN);
    provisioner =
        Pkcs11Provisioner.open(SoftHsm.LIBRARY, TOKEN, new PinSource.FromFile(hsm.pinFile()));
    label = "checkpoint-" + UUID.randomUUID();
    provisioner.generateEc(label);
    backend = Pkcs11KeyBackend.start(hsm.settings(TOKEN, 2, Duration.ofSeconds(2)), HsmEvents.NONE);
  }

  @AfterAll
  static void stop() {
    backend.close();
    provisioner.close();
  }

  private static Checkpoint checkpoint(int entries) {
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < entries; i++) {
      tree.appendEntry(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }
    return new Checkpoint("test-origin", entries, tree.rootHash(), Instant.now());
  }

  @Test
  void aCheckpointSignedInTheToken_verifiesWithTheTokensPublicKey() throws Exception {
    HsmCheckpointSigner signer = new HsmCheckpointSigner(backend, label);
    SignedCheckpoint signed = signer.sign(checkpoint(5));
    CheckpointVerifier.verify(signed, signer.publicKey());
    assertThat(signed.keyId()).isEqualTo(KeyIds.of(signer.publicKey()));
  }

  @Test
  void thePublicKeyTheProvisionerPrints_isTheSigningKey() throws Exception {
    HsmCheckpointSigner signer = new HsmCheckpointSigner(backend, label);
    assertThat(PublicKeyPem.decode(provisioner.publicKeyPem(label)).getEncoded())
        .isEqualTo(signer.publicKey().getEncoded());
  }

  @Test
  void aChangedCheckpoint_doesNotVerify() {
    HsmCheckpointSigner signer = new HsmCheckpointSigner(backend, label);
    SignedCheckpoint signed = signer.sign(checkpoint(3));
    SignedCheckpoint forged =
        new SignedCheckpoint(checkpoint(4), signed.keyId(), signed.signature());
    assertThatThrownBy(() -> CheckpointVerifier.verify(forged, signer.publicKey()))
        .isInstanceOf(CheckpointException.class);
  }

  @Test
  void aMissingKey_isNamedAsMissing() {
    assertThatThrownBy(() -> new HsmCheckpointSigner(backend, "no-such-key").sign(new byte[] {1}))
        .isInstanceOf(KeyMissingException.class);
  }

  @Test
  void theProvisioner_refusesASecondKeyUnderTheSameLabel() {
    assertThatThrownBy(() -> provisioner.generateEc(label))
        .isInstanceOf(IllegalStateException.class);
  }
}
