package com.sovereignstamp.bridge.xks;

import com.sovereignstamp.bridge.keys.GcmCiphertext;
import java.util.Optional;

/** A validated XKS decrypt request. */
public record DecryptRequest(
    RequestMetadata metadata,
    GcmCiphertext ciphertext,
    Optional<byte[]> aad,
    Optional<byte[]> ciphertextMetadata) {}
