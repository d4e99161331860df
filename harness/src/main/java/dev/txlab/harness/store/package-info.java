/**
 * Where each service's database lives and how it is reached. A {@link dev.txlab.harness.store.StoreConfig}
 * names, per service, an H2 file (the default), H2 in memory, PostgreSQL or MariaDB database, all
 * named {@code <prefix>_<service>}; {@link dev.txlab.harness.store.Stores} creates, migrates and resets
 * them and hands out pooled DataSources and XADataSources. Every connection, XA connection and XA
 * resource passes through the one decorator point, {@link dev.txlab.harness.store.JdbcDecorator}.
 */
package dev.txlab.harness.store;
