/**
 * The orchestrated saga ({@code saga-orch}): a saga execution coordinator interpreting sagas defined
 * as data. Not built yet: see the orchestration issue.
 */
package dev.txlab.saga.orch;
