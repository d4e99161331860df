package dev.txlab.scenarios;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.workload.Workload;
import dev.txlab.harness.workload.WorkloadSpec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * A malformed event in the orders event store: after a run whose audit passed, the first order's
 * CREATED event gets a payload that does not parse (as a bug or a bad hand edit would leave it). The
 * audit must then fail, naming that stream and version: the run is not silently wrong.
 */
public record DamagedEventScenario(String id, String description, Set<ImplementationId> appliesTo,
                                   WorkloadSpec workload, int callers) implements Scenario {
    static final String DAMAGED_PAYLOAD = "customer=c1;lines=unreadable";

    public DamagedEventScenario {
        appliesTo = Set.copyOf(appliesTo);
    }

    @Override
    public String mustHold() {
        return "the audit fails and names the damaged stream and version";
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        String orderId = Workload.orderId(0);
        try (Run run = Run.prepare(context.runOptions(context.storeFor(id, implementation), implementation)
                .workload(workload)
                .callers(Catalog.callers(callers, implementation))
                .build())) {
            run.execute(OrderListener.NONE);
            MessageCounts messages = run.placement().messageCounts().orElse(MessageCounts.NONE);
            AuditReport before = run.audit();
            if (!before.ok()) {
                return FaultMatrix.Cell.fail("the audit failed before the damage: " + before.describe(3))
                        .withBatches(messages);
            }
            damage(run, orderId);
            List<Violation> named = run.audit().violations().stream()
                    .filter(violation -> violation.found().contains("order " + orderId + ", event version 1"))
                    .toList();
            if (named.isEmpty()) {
                return FaultMatrix.Cell.fail("order " + orderId + "'s CREATED event was damaged, and the audit "
                        + "did not name it").withBatches(messages);
            }
            return FaultMatrix.Cell.pass("order " + orderId + "'s CREATED event given the payload '" + DAMAGED_PAYLOAD
                    + "' after a passing audit; the audit then failed naming it: " + named.get(0).found(), null)
                    .withBatches(messages);
        }
    }

    private static void damage(Run run, String orderId) throws SQLException {
        try (Connection connection = run.stores().dataSource(ServiceName.ORDERS).getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE order_events SET payload = ? WHERE stream_id = ? AND version = 1")) {
            update.setString(1, DAMAGED_PAYLOAD);
            update.setString(2, orderId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("order " + orderId + " has no CREATED event to damage");
            }
            connection.commit();
        }
    }
}
