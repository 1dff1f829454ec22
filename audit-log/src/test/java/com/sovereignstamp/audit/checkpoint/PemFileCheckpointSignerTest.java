package com.sovereignstamp.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.merkle.RootHash;
import com.sovereignstamp.fips.BcFips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFileCheckpointSignerTest {
  private static final Checkpoint CHECKPOINT =
      new Checkpoint(
          "sovereign-stamp/appliance/eu-de",
          7,
          RootHash.fromHex("cd".repeat(32)),
          Instant.parse("2026-03-02T09:59:00Z"));

  @TempDir Path dir;

  @Test
  void aKeyMadeByOpenssl_signsCheckpointsThatVerifyWithTheKeyOpensslDerives() throws Exception {
    Path key = dir.resolve("checkpoint.key");
    Path pub = dir.resolve("checkpoint.pem");
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
    openssl("pkey", "-in", key, "-pubout", "-out", pub);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));

    PemFileCheckpointSigner signer = PemFileCheckpointSigner.open(key);

    assertThat(signer.publicKey()).isEqualTo(PublicKeyPem.decode(Files.readString(pub)));
    SignedCheckpoint signed = signer.sign(CHECKPOINT);
    CheckpointVerifier.verify(signed, PublicKeyPem.decode(Files.readString(pub)));
    assertThat(signed.keyId()).isEqualTo(KeyIds.of(signer.publicKey()));
  }

  @Test
  void aKeyWithoutItsOptionalPublicHalf_yieldsTheSamePublicKey() throws Exception {
    KeyPair pair = generate("P-256");
    byte[] withoutPublic =
        new PrivateKeyInfo(
                new AlgorithmIdentifier(
                    X9ObjectIdentifiers.id_ecPublicKey, X9ObjectIdentifiers.prime256v1),
                new org.bouncycastle.asn1.sec.ECPrivateKey(
                    256, ((ECPrivateKey) pair.getPrivate()).getS()))
            .getEncoded();

    PemFileCheckpointSigner signer = PemFileCheckpointSigner.open(write("bare.key", withoutPublic));

    assertThat(signer.publicKey()).isEqualTo(pair.getPublic());
    CheckpointVerifier.verify(signer.sign(CHECKPOINT), pair.getPublic());
  }

  @Test
  void aKeyFileThatGroupOrOthersMayRead_isRefused() throws Exception {
    byte[] der = generate("P-256").getPrivate().getEncoded();
    for (String mode : List.of("rw-r-----", "rw----r--", "rw-rw----")) {
      Path key = write("loose-" + mode + ".key", der);
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(mode));

      assertThatThrownBy(() -> PemFileCheckpointSigner.open(key))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(key.toString())
          .hasMessageContaining("0600");
    }
  }

  @Test
  void aKeyOnAnotherCurve_isRefused() throws Exception {
    Path key = write("p384.key", generate("P-384").getPrivate().getEncoded());

    assertThatThrownBy(() -> PemFileCheckpointSigner.open(key))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("not an EC P-256 key");
  }

  @Test
  void somethingElseThanAnUnencryptedPkcs8Key_isRefused_withoutQuotingTheFile() throws Exception {
    byte[] der = generate("P-256").getPrivate().getEncoded();
    String body = Base64.getMimeEncoder().encodeToString(der);
    for (String content :
        List.of(
            "-----BEGIN EC PRIVATE KEY-----\n" + body + "\n-----END EC PRIVATE KEY-----\n",
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + body
                + "\n-----END ENCRYPTED PRIVATE KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\n" + body.substring(8) + "\n-----END PRIVATE KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\n%%%%\n-----END PRIVATE KEY-----\n",
            "")) {
      Path key = ownerOnly(dir.resolve("bad.key"), content.getBytes(StandardCharsets.US_ASCII));

      assertThatThrownBy(() -> PemFileCheckpointSigner.open(key))
          .isInstanceOf(GeneralSecurityException.class)
          .hasMessageContaining(key.toString())
          .hasMessageNotContaining(body.substring(8, 40));
    }
  }

  @Test
  void aMissingFile_isRefused() {
    assertThatThrownBy(() -> PemFileCheckpointSigner.open(dir.resolve("missing.key")))
        .isInstanceOf(IOException.class);
  }

  private static KeyPair generate(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BcFips.provider());
    g.initialize(new ECGenParameterSpec(curve), BcFips.drbg());
    return g.generateKeyPair();
  }

  private Path write(String name, byte[] pkcs8) throws IOException {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8)
            + "\n-----END PRIVATE KEY-----\n";
    return ownerOnly(dir.resolve(name), pem.getBytes(StandardCharsets.US_ASCII));
  }

  private static Path ownerOnly(Path file, byte[] content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(file, content);
    return file;
  }

  private static void openssl(Object... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    for (Object a : args) {
      command.add(a.toString());
    }
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("openssl is not installed");
      return;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
