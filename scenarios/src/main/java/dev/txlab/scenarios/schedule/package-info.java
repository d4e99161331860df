/**
 * Random fault schedules: a seeded generator that combines a crash at a random protocol point and
 * hit with random message faults, run like a catalog scenario (a child JVM that halts, recovery in a
 * fresh JVM, the audit); a failing schedule names the seed that replays it.
 */
package dev.txlab.scenarios.schedule;
