/**
 * The fault plan of a run and the named crash points of every protocol. Implementations mark their
 * points in main code with {@link dev.txlab.harness.fault.CrashPoints#hit}; when the plan arms a
 * point, the JVM halts there (no shutdown hooks), as a real crash would.
 */
package dev.txlab.harness.fault;
