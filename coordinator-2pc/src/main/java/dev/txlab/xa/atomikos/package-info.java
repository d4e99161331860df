/**
 * {@code xa-atomikos}: Atomikos (standalone, jakarta artifacts) with one {@code AtomikosDataSourceBean}
 * pool per participant; Atomikos recovers its registered resources on start and on demand.
 */
package dev.txlab.xa.atomikos;
