package com.sovereignstamp.bridge.xks;

import com.sovereignstamp.bridge.keys.GcmCiphertext;
import java.util.Optional;

/** The answer to Encrypt. */
public record EncryptResult(
    GcmCiphertext ciphertext, byte[] ciphertextMetadata, Optional<byte[]> integrityValue) {}
