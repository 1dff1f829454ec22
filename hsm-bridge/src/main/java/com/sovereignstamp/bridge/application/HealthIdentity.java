package com.sovereignstamp.bridge.application;

/** How the bridge names itself in health answers. */
public record HealthIdentity(int fleetSize, String vendor, String model) {}
