/**
 * Messaging for the sagas: the transport SPI (embedded Artemis by default, NATS JetStream), the
 * transactional outbox with its relay, and the idempotent inbox. Not built yet: see the Messaging
 * issue; the module exists so that the layout of DESIGN.md holds from the first commit.
 */
package dev.txlab.messaging;
