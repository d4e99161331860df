/**
 * The load runners: a closed loop (a fixed number of callers, each placing its next order when the
 * last one is decided) and an open loop (orders arrive on a schedule, whether or not earlier ones
 * are done), both over a prepared run, with latency per phase (warm-up, measured) in HdrHistogram.
 */
package dev.txlab.load;
