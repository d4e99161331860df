/**
 * The orchestrated saga ({@code saga-orch}): a saga execution coordinator interpreting sagas defined
 * as data. Built so far: the DSL ({@link dev.txlab.saga.orch.SagaDefinition}), the engine that
 * interprets any definition ({@link dev.txlab.saga.orch.SagaEngine}) and the create-order saga
 * ({@link dev.txlab.saga.orch.CreateOrderSaga}); the saga log, participants, coordinator and
 * placement follow (see the orchestration issue).
 */
package dev.txlab.saga.orch;
