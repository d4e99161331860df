/**
 * Where each service's database lives and how it is reached. A {@link dev.txlab.domain.store.StoreConfig}
 * names, per service, an H2 file (the default), H2 in memory, PostgreSQL or MariaDB database, all
 * named {@code <prefix>_<service>}; {@link dev.txlab.domain.store.Stores} creates, migrates and resets
 * them and hands out pooled DataSources and XADataSources. Every connection, XA connection and XA
 * resource passes through the one decorator point, {@link dev.txlab.domain.store.JdbcDecorator}.
 */
package dev.txlab.domain.store;
