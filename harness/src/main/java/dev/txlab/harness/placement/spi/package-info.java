/** How an implementation makes itself known: a {@link java.util.ServiceLoader} provider per id. */
package dev.txlab.harness.placement.spi;
