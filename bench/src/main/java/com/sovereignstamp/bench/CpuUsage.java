package com.sovereignstamp.bench;

/**
 * Cores busy over a measured window (2.0 = two CPUs fully busy).
 *
 * @param machine all processes
 * @param driver this load driver
 * @param bridge the bridge process, or negative when unknown
 * @param other everything else: a non-trivial value means the measurement shared the machine
 */
record CpuUsage(double machine, double driver, double bridge, double other) {}
