/**
 * How a module adds its own leftovers to invariant I3 (in-doubt XA branches, unpublished outbox
 * rows, unfinished saga instances): a {@link java.util.ServiceLoader} provider of
 * {@link dev.txlab.harness.audit.spi.LeftoverCheck}.
 */
package dev.txlab.harness.audit.spi;
