package dev.txlab.messaging;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.inbox.Inbox;
import dev.txlab.messaging.spi.Transport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link AtLeastOnceAcrossAHaltTest}: consumes the destination through the inbox
 * and halts after the inbox transaction committed, before the delivery is acknowledged.
 * Its request: {@link AtLeastOnceAcrossAHaltTest.ChildRequest}.
 */
public final class HaltBeforeAckChild {
    private HaltBeforeAckChild() {
    }

    public static void main(String[] args) throws Exception {
        AtLeastOnceAcrossAHaltTest.ChildRequest request =
                ChildJvm.request(args, AtLeastOnceAcrossAHaltTest.ChildRequest.class);
        Path dataDir = Path.of(request.dataDir());
        CrashPoints crashPoints = CrashPoints.of(FaultPlan.crashAt(CrashPoint.SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK, 1));
        try (Stores stores = Stores.open(AtLeastOnceAcrossAHaltTest.store(dataDir), Topology.DATABASE_PER_SERVICE,
                JdbcDecorator.of());
             Transport transport = AtLeastOnceAcrossAHaltTest.transport(request.transport(), dataDir, false)) {
            Inbox inbox = new Inbox(stores.dataSource(ServiceName.DEPOT), "depot", Clock.systemUTC());
            transport.subscribe(AtLeastOnceAcrossAHaltTest.DESTINATION, "depot", message -> {
                inbox.process(message, connection -> AtLeastOnceAcrossAHaltTest.recordEffect(connection, message));
                crashPoints.hit(CrashPoint.SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK);
            });
            new CountDownLatch(1).await(60, TimeUnit.SECONDS);
        }
        System.exit(1);
    }
}
