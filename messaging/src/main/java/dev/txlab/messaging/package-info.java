/**
 * Messaging for the sagas: the message envelope and its JSON codec, the transport SPI (embedded
 * Artemis and NATS JetStream adapters, with what a stopped broker holds), the transactional outbox
 * with its relay, the idempotent inbox, dead letters, message faults and counters. One local
 * transaction per inbound message: inbox row, state change, outbox rows.
 */
package dev.txlab.messaging;
