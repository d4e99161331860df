/**
 * The choreographed saga ({@code saga-choreo}): services reacting to each other's events. Not built
 * yet: see the choreography issue.
 */
package dev.txlab.saga.choreo;
