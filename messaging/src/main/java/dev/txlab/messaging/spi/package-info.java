/** The transport contract every broker adapter satisfies. */
package dev.txlab.messaging.spi;
