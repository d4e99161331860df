/** Immutable values of the order domain: requests, lines, statuses, outcomes and refusal reasons. */
package dev.txlab.domain.model;
