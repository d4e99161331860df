/**
 * The idempotent inbox: one local transaction per inbound message holds its inbox row, the
 * handler's state change and its outbox rows; a message already in the inbox is skipped.
 */
package dev.txlab.messaging.inbox;
