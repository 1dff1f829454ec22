package com.sovereignstamp.bridge.testing;

import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.KeyStoreCheckpointSigner;
import java.nio.file.Path;

/** Fresh EC P-256 checkpoint keys (BC FIPS, in a BCFKS file under the given folder). */
public final class CheckpointKeys {
  private static final char[] PASSWORD = "test-checkpoint-key-store".toCharArray();

  private CheckpointKeys() {}

  public static CheckpointSigner generate(Path folder, String name) throws Exception {
    Path file = folder.resolve(name + ".bcfks");
    KeyStoreCheckpointSigner.generate(file, PASSWORD, "checkpoint", "CN=" + name);
    return KeyStoreCheckpointSigner.open(file, PASSWORD, "checkpoint");
  }
}
