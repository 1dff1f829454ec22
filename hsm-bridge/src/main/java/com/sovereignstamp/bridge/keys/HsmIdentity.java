package com.sovereignstamp.bridge.keys;

/**
 * The HSM as it describes itself.
 *
 * @param id a stable identifier of this HSM (token serial number or label)
 * @param vendor the manufacturer
 * @param model model and firmware
 */
public record HsmIdentity(String id, String vendor, String model) {}
