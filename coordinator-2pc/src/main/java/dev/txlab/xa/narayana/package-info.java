/**
 * {@code xa-narayana}: Narayana (standalone, configured in code) with Agroal pools through its
 * Narayana integration, and an in-process recovery manager with one recovery helper over the four
 * participants.
 */
package dev.txlab.xa.narayana;
