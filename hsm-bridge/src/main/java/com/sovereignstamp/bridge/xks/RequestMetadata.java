package com.sovereignstamp.bridge.xks;

import java.util.Optional;

/**
 * The caller-asserted context every XKS request carries. Nothing here is proof: the principal is a
 * claim checked against what the bridge can verify (the credential and the client certificate).
 */
public record RequestMetadata(
    String kmsRequestId,
    String kmsOperation,
    Optional<String> awsPrincipalArn,
    Optional<String> kmsKeyArn) {}
