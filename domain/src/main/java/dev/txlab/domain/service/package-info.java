/**
 * The four participant services of the order flow (orders, customers, depot, payments). Every
 * operation takes the JDBC connection it runs on and leaves transaction control to its caller, so
 * a local transaction, an XA branch and a saga handler all execute the very same rules and SQL.
 * Every action and compensation is idempotent per order id, and a compensation tolerates an
 * action that never ran (it leaves a marker, so a late action has no effect).
 */
package dev.txlab.domain.service;
