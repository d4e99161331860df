package dev.txlab.messaging;

import dev.txlab.domain.fault.CrashPoint;
import dev.txlab.domain.fault.CrashPoints;
import dev.txlab.domain.fault.FaultPlan;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.store.JdbcDecorator;
import dev.txlab.domain.store.Stores;
import dev.txlab.domain.store.Topology;
import dev.txlab.messaging.inbox.Inbox;
import dev.txlab.messaging.spi.Transport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link AtLeastOnceAcrossAHaltTest}: consumes the destination through the inbox
 * and halts after the inbox transaction committed, before the delivery is acknowledged.
 * Arguments: transport (artemis|nats), data dir.
 */
public final class HaltBeforeAckChild {
    private HaltBeforeAckChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[1]);
        CrashPoints crashPoints = CrashPoints.of(FaultPlan.crashAt(CrashPoint.SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK, 1));
        try (Stores stores = Stores.open(AtLeastOnceAcrossAHaltTest.store(dataDir), Topology.DATABASE_PER_SERVICE,
                JdbcDecorator.of());
             Transport transport = AtLeastOnceAcrossAHaltTest.transport(args[0], dataDir, false)) {
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
