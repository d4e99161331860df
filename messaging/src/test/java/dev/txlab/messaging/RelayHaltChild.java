package dev.txlab.messaging;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.outbox.OutboxRelay;
import dev.txlab.messaging.spi.Transport;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link RelayHaltTest}: runs the orders database's relay, armed to halt after it
 * published a batch and before it marked it. Its request: {@link AtLeastOnceAcrossAHaltTest.ChildRequest}.
 */
public final class RelayHaltChild {
    private RelayHaltChild() {
    }

    public static void main(String[] args) throws Exception {
        AtLeastOnceAcrossAHaltTest.ChildRequest request =
                ChildJvm.request(args, AtLeastOnceAcrossAHaltTest.ChildRequest.class);
        Path dataDir = Path.of(request.dataDir());
        CrashPoints crashPoints = CrashPoints.of(FaultPlan.crashAt(CrashPoint.SAGA_AFTER_PUBLISH_BEFORE_MARK, 1));
        try (Stores stores = Stores.open(AtLeastOnceAcrossAHaltTest.store(dataDir), Topology.DATABASE_PER_SERVICE,
                JdbcDecorator.of());
             Transport transport = AtLeastOnceAcrossAHaltTest.transport(request.transport(), dataDir, false);
             OutboxRelay<String> relay = OutboxRelay.ofOutbox("orders", stores.dataSource(ServiceName.ORDERS), transport,
                     new MessageCodec(), crashPoints, new MessageCounters()).start()) {
            relay.wake();
            new CountDownLatch(1).await(60, TimeUnit.SECONDS);
        }
        System.exit(1);
    }
}
