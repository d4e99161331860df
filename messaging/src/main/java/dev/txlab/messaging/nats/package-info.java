/**
 * NATS JetStream (the broker of the seed application) at a URL: one stream per prefix, durable
 * push consumers with explicit acks, dead letters kept in the same stream with their reason
 * (JetStream has no dead-letter queue of its own).
 */
package dev.txlab.messaging.nats;
