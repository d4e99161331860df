package dev.txlab.saga.orch;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.service.ServiceName;

/** The payloads the coordinator and the participants exchange, and where they go. */
final class SagaMessages {
    /** Where the participants' replies go (the coordinator's destination). */
    static final String REPLIES = "saga.replies";
    static final String REPLY_TYPE = "SagaReply";

    private SagaMessages() {
    }

    /** Where a participant's commands go. */
    static String commandsOf(ServiceName participant) {
        return participant.id() + ".commands";
    }

    /** A command's payload: the order, the step it is for, and (for a compensation) why. */
    record CommandPayload(OrderRequest order, int step, boolean compensation, RejectionReason reason) {
    }

    /** A reply's payload: which saga, and the reply. */
    record ReplyPayload(String sagaId, Reply reply) {
    }
}
