/** What both sagas share: the broker, one endpoint per service, acknowledgement, completion, quiescence. */
package dev.txlab.messaging.placement;
