/**
 * The bridge's configuration, read once at start from MicroProfile Config (system properties,
 * environment, {@code microprofile-config.properties}), validated whole, with every key and its
 * default listed in docs/hsm-bridge.md.
 */
package com.sovereignstamp.bridge.config;
