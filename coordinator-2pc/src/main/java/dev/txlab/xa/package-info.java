/**
 * XA two-phase commit over the four participant databases: the shared order flow runs each
 * service's operations on an XA connection of that service's own database, all enlisted in one JTA
 * transaction, with Narayana ({@code xa-narayana}) or Atomikos ({@code xa-atomikos}) as the
 * transaction manager. {@link dev.txlab.xa.XaPlacement} is the flow; an {@link dev.txlab.xa.XaEngine}
 * is one transaction manager with its pools and recovery. Both TMs keep JVM-global state: one XA
 * configuration per JVM.
 */
package dev.txlab.xa;
