/**
 * Extension point of the store decorator: a {@link dev.txlab.domain.store.spi.JdbcInterceptor} sees
 * every JDBC and XA round trip (cost counters, network delay, crash points hook in here).
 */
package dev.txlab.domain.store.spi;
