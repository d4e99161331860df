/**
 * How a module adds its own leftovers to invariant I3 (in-doubt XA branches, unpublished outbox
 * rows, unfinished saga instances): a {@link java.util.ServiceLoader} provider of
 * {@link dev.txlab.domain.audit.spi.LeftoverCheck}.
 */
package dev.txlab.domain.audit.spi;
