package com.sovereignstamp.bridge.config;

import java.nio.file.Path;

/**
 * The demo-only software key backend: a Bouncy Castle FIPS key store file and the file holding its
 * password.
 */
public record SoftwareBackendSettings(Path keyStoreFile, Path passwordFile) {}
