package dev.txlab.saga.choreo;

import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.testkit.SagaMessageFaultsContract;

/** The message-fault contract, run by saga-choreo. */
class ChoreoMessageFaultsTest extends SagaMessageFaultsContract {
    @Override
    protected ImplementationId implementation() {
        return ImplementationId.SAGA_CHOREO;
    }
}
