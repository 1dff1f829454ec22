package com.sovereignstamp.audit.testing;

import com.sovereignstamp.audit.checkpoint.KeyStoreCheckpointSigner;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checkpoint keys for tests, made once per JVM: the log's own key and a stranger's, each in a BCFKS
 * file in a temporary directory.
 */
public final class TestKeys {
  public static final String PASSWORD = "test-key-store-password";
  public static final String ALIAS = "checkpoints";
  private static Path dir;
  private static KeyStoreCheckpointSigner signer;
  private static KeyStoreCheckpointSigner stranger;

  private TestKeys() {}

  /** The key store file of {@link #signer()}. */
  public static synchronized Path keyStore() throws Exception {
    if (dir == null) {
      dir = Files.createTempDirectory("audit-test-keys");
      KeyStoreCheckpointSigner.generate(
          dir.resolve("log.bcfks"), PASSWORD.toCharArray(), ALIAS, "CN=test audit log");
      KeyStoreCheckpointSigner.generate(
          dir.resolve("stranger.bcfks"), PASSWORD.toCharArray(), ALIAS, "CN=someone else");
    }
    return dir.resolve("log.bcfks");
  }

  /** The log's checkpoint signer. */
  public static synchronized KeyStoreCheckpointSigner signer() throws Exception {
    if (signer == null) {
      signer = KeyStoreCheckpointSigner.open(keyStore(), PASSWORD.toCharArray(), ALIAS);
    }
    return signer;
  }

  /** Another key: what it signs must not pass for the log's checkpoints. */
  public static synchronized KeyStoreCheckpointSigner stranger() throws Exception {
    if (stranger == null) {
      stranger =
          KeyStoreCheckpointSigner.open(
              keyStore().resolveSibling("stranger.bcfks"), PASSWORD.toCharArray(), ALIAS);
    }
    return stranger;
  }
}
