package com.sovereignstamp.bridge.health;

import com.sovereignstamp.bridge.keys.HsmIdentity;
import java.time.Duration;

/**
 * One deep health check's result.
 *
 * @param why a short reason for logs and metrics ("ok", "slow", "canary key missing", ...)
 * @param took how long the canary round trip took
 */
public record HealthReport(HsmIdentity hsm, HsmHealth health, String why, Duration took) {}
