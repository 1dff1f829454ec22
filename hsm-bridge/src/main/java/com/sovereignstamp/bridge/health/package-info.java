/**
 * The deep health check: a real encrypt and decrypt with a canary key on the HSM, cached for a few
 * seconds, reported as XKS's {@code ACTIVE}, {@code DEGRADED} or {@code UNAVAILABLE}.
 */
package com.sovereignstamp.bridge.health;
