/**
 * The child-JVM harness: a run, a fault cell or a probe started in a JVM of its own (same class
 * path), given one JSON request, and halted for real at a named crash point.
 */
package dev.txlab.harness.child;
