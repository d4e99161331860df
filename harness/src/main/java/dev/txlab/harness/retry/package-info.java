/**
 * The one retry policy type of the testbed ({@link dev.txlab.harness.retry.RetryPolicy}): attempts, a
 * doubling pause, and the worst case a termination bound adds up.
 */
package dev.txlab.harness.retry;
