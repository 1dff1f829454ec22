package com.sovereignstamp.xks.client;

/**
 * One external key manager of a health answer.
 *
 * @param id the HSM's identifier
 * @param model the HSM's model
 * @param healthStatus {@code ACTIVE}, {@code DEGRADED} or {@code UNAVAILABLE}
 */
public record EkmFleetMember(String id, String model, String healthStatus) {}
