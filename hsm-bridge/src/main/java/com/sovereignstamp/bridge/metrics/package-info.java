/**
 * The bridge's metrics in the Prometheus text exposition format: requests by operation and outcome,
 * a latency histogram per operation, HSM errors by PKCS#11 return value, the HSM link, the last
 * health state and key-store file reloads.
 */
package com.sovereignstamp.bridge.metrics;
