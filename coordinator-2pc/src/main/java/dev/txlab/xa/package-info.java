/**
 * XA two-phase commit over the four participant databases, with Narayana ({@code xa-narayana}) and
 * Atomikos ({@code xa-atomikos}). Not built yet: see the 2PC issue.
 */
package dev.txlab.xa;
