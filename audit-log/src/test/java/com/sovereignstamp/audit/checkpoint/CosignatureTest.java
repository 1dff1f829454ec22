package com.sovereignstamp.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.merkle.RootHash;
import com.sovereignstamp.audit.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A witness's co-signature: what it covers, how it is checked, what does not pass for one. */
class CosignatureTest {
  private static final Checkpoint CHECKPOINT =
      new Checkpoint(
          "sovereign-stamp/appliance/eu-de",
          42,
          RootHash.fromHex("ab".repeat(32)),
          Instant.parse("2026-03-02T09:59:00Z"));
  private static final Instant AT = Instant.parse("2026-03-02T10:00:00.123Z");

  private static CheckpointSigner witnessKey;
  private static CheckpointSigner otherKey;

  @BeforeAll
  static void keys() throws Exception {
    witnessKey = TestKeys.signer();
    otherKey = TestKeys.stranger();
  }

  @Test
  void aCosignature_verifiesWithTheWitnessKey_andSurvivesItsCanonicalJson() throws Exception {
    Cosignature c = Cosignature.sign(CHECKPOINT, "bridge", AT, witnessKey);
    byte[] json = c.toCanonicalJson();

    assertThat(CanonicalJson.isCanonical(json)).isTrue();
    Cosignature parsed = Cosignature.parse(json);
    CosignatureVerifier.verify(parsed, witnessKey.publicKey());
    assertThat(parsed.checkpoint()).isEqualTo(CHECKPOINT);
    assertThat(parsed.witness()).isEqualTo("bridge");
    assertThat(parsed.witnessedAt()).isEqualTo(AT);
    assertThat(parsed.toCanonicalJson()).isEqualTo(json);
  }

  @Test
  void theSignatureCoversTheLabelledStatement_notTheBareCheckpoint() {
    Cosignature c = Cosignature.sign(CHECKPOINT, "bridge", AT, witnessKey);

    assertThat(new String(c.signedBytes(), StandardCharsets.UTF_8))
        .startsWith("sovereign-stamp/witness-cosignature/v1\n{\"checkpoint\":{")
        .endsWith("\"witness\":\"bridge\",\"witnessedAt\":\"2026-03-02T10:00:00.123Z\"}");
    assertThat(c.signedBytes()).isNotEqualTo(CHECKPOINT.signedBytes());
  }

  @Test
  void anyChangedField_breaksTheCosignature() {
    Cosignature c = Cosignature.sign(CHECKPOINT, "bridge", AT, witnessKey);
    Checkpoint bigger =
        new Checkpoint(CHECKPOINT.origin(), 43, CHECKPOINT.rootHash(), CHECKPOINT.time());
    for (Cosignature forged :
        List.of(
            new Cosignature(bigger, c.witness(), c.witnessedAt(), c.keyId(), c.signature()),
            new Cosignature(CHECKPOINT, "other", c.witnessedAt(), c.keyId(), c.signature()),
            new Cosignature(CHECKPOINT, c.witness(), AT.plusMillis(1), c.keyId(), c.signature()))) {
      assertThatThrownBy(() -> CosignatureVerifier.verify(forged, witnessKey.publicKey()))
          .isInstanceOf(CheckpointException.class)
          .hasMessageContaining("does not verify");
    }
  }

  @Test
  void aCosignatureByAnotherKey_isRefused() {
    Cosignature c = Cosignature.sign(CHECKPOINT, "bridge", AT, otherKey);

    assertThatThrownBy(() -> CosignatureVerifier.verify(c, witnessKey.publicKey()))
        .isInstanceOf(CheckpointException.class)
        .hasMessageContaining("not by the trusted witness key");
  }

  @Test
  void somethingElse_doesNotParseAsACosignature() {
    for (String json :
        List.of(
            "[]",
            "{\"checkpoint\":{}}",
            "not json",
            new String(
                CanonicalJson.serialize(
                    CanonicalJson.object()
                        .put("checkpoint", CHECKPOINT.toJson())
                        .put("keyId", "k")
                        .put("signature", "AAAA")
                        .put("witness", "bridge")
                        .put("witnessedAt", "yesterday")
                        .build()),
                StandardCharsets.UTF_8))) {
      assertThatThrownBy(() -> Cosignature.parse(json.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(CheckpointException.class);
    }
  }
}
