/**
 * The isolation probe: readers that, during a run, read in-flight orders across the participants'
 * databases, and a classifier that judges what they saw against the orders' final outcomes.
 */
package dev.txlab.scenarios.probe;
