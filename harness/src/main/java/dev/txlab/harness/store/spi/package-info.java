/**
 * Extension point of the store decorator: a {@link dev.txlab.harness.store.spi.JdbcInterceptor} sees
 * every JDBC and XA round trip (cost counters, network delay, crash points hook in here).
 */
package dev.txlab.harness.store.spi;
