/**
 * The default transport: an ActiveMQ Artemis broker embedded in the JVM (nothing to install), with a
 * persistent journal under the run's data folder, or non-persistent for durability {@code none}.
 */
package dev.txlab.messaging.artemis;
