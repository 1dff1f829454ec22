package com.sovereignstamp.bridge.xks;

import java.util.List;

/** The answer to GetKeyMetadata. */
public record KeyMetadata(String keySpec, List<String> keyUsage, String keyStatus) {}
