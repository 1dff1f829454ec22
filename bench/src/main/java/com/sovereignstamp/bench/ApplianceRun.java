package com.sovereignstamp.bench;

import java.util.List;
import java.util.Optional;

/**
 * Everything one appliance benchmark run measured, for the report.
 *
 * @param preamble lines describing the run
 * @param points every closed-loop point, in the order measured
 * @param pointWarmup the warm-up before each point's measured window
 * @param matrixSeconds how long the measured matrix took, start to end (for the expected number of
 *     key refreshes)
 * @param beforeMatrix the appliance's status after the warm-up, before the matrix
 * @param afterMatrix its status after the matrix
 * @param large the large transfers, in the order made (empty when skipped)
 * @param largeSize bytes of each large transfer
 * @param afterLarge its status after the large transfers, if any were made
 * @param otherJvms the other Java processes seen at the start and at the end
 */
record ApplianceRun(
    List<String> preamble,
    List<SidePoint> points,
    java.time.Duration pointWarmup,
    long matrixSeconds,
    ApplianceStatus beforeMatrix,
    ApplianceStatus afterMatrix,
    List<LargeTransfer.Result> large,
    long largeSize,
    Optional<ApplianceStatus> afterLarge,
    String otherJvms) {}
