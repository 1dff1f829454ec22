package com.sovereignstamp.bench;

import java.time.Duration;
import java.util.List;

/**
 * How the initial warm-up ended.
 *
 * @param took the time it ran
 * @param rounds the throughput of each workload per round
 * @param steady whether the throughput had settled ({@link SteadyState}) or the time ran out
 */
record WarmupOutcome(Duration took, List<double[]> rounds, boolean steady) {}
