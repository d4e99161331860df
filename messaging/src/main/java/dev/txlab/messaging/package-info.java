/**
 * Messaging for the sagas: the message envelope and its JSON codec, the transport SPI (embedded
 * Artemis here; NATS JetStream to come), the transactional outbox with its relay, and the
 * idempotent inbox. One local transaction per inbound message: inbox row, state change, outbox rows.
 */
package dev.txlab.messaging;
