package com.sovereignstamp.bench;

/**
 * One of the project's performance goals with what was measured against it.
 *
 * @param goal the goal as stated
 * @param measured the figures it was judged by
 * @param met whether the measurement meets it ({@code false} also when it was not measured)
 */
record Goal(String goal, String measured, boolean met) {}
