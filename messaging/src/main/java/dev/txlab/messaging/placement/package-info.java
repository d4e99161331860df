/**
 * What both sagas run on, composed rather than inherited: {@link dev.txlab.messaging.placement.SagaRuntime}
 * (the broker, one endpoint per service, the one handler template, acknowledgement, completion,
 * quiescence), the {@link dev.txlab.messaging.placement.SagaProtocol} a saga implements on it, and
 * {@link dev.txlab.messaging.placement.SagaPlacement}, which puts the two together as an order placement.
 */
package dev.txlab.messaging.placement;
