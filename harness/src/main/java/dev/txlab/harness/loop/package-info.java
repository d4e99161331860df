/**
 * Background loops that stop without interrupting a pass that may be inside a database call (an
 * interrupt inside H2's file I/O closes the database under every connection).
 */
package dev.txlab.harness.loop;
