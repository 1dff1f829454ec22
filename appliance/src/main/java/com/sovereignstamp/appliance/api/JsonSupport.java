package com.sovereignstamp.appliance.api;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once: {@code jakarta.json.JSON.createX()} looks it up through the
 * service loader on every call, which scans the class path's jars and cost more CPU per request
 * than the encryption.
 */
final class JsonSupport {
  static final JsonProvider JSON = JsonProvider.provider();

  private JsonSupport() {}
}
