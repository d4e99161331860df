/**
 * The transactional outbox: a handler's messages are rows written in its own local transaction; a
 * relay, woken on commit and by a poll, publishes unpublished rows in order and marks them. A crash
 * between publish and mark only causes a duplicate, which the receiving inbox absorbs.
 */
package dev.txlab.messaging.outbox;
