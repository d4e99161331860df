package dev.txlab.cli.calibrate;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.FileTrees;
import dev.txlab.harness.run.PrefixLock;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.Transports;
import dev.txlab.messaging.spi.Transport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures every primitive on what a calibration's configuration names: the database primitives on
 * each store kind it uses (on the first service of that kind), the message primitive on its broker,
 * a forced write on the disk of the data directory.
 * The databases are reset first; they belong to the calibration's own prefix.
 */
public final class Primitives {
    /** What the calibration's own databases' prefix adds to the run's prefix. */
    public static final String PREFIX_SUFFIX = "_calibrate";

    private Primitives() {
    }

    /** The configuration a calibration measures on: the run's stores, under a prefix of the calibration's own. */
    public static StoreConfig ownPrefix(StoreConfig store) {
        return store.withPrefix(store.prefix() + PREFIX_SUFFIX);
    }

    /** Measures on {@link #ownPrefix}, holding that prefix's lock meanwhile. */
    public static List<Measurement> measureOnOwnPrefix(Calibration calibration, StoreConfig store,
                                                       TransportSettings transport) throws Exception {
        StoreConfig own = ownPrefix(store);
        try (PrefixLock lock = PrefixLock.acquire(own, "calibrate")) {
            return measure(calibration, own, transport);
        }
    }

    public static List<Measurement> measure(Calibration calibration, StoreConfig store, TransportSettings transport)
            throws Exception {
        Stores.reset(store);
        List<Measurement> measurements = new ArrayList<>();
        try (Stores stores = Stores.open(store, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of())) {
            for (Map.Entry<StoreKind, ServiceName> kind : firstServiceOfEachKind(store).entrySet()) {
                ServiceName service = kind.getValue();
                measurements.addAll(new JdbcPrimitives(calibration, kind.getKey().id())
                        .measure(stores.dataSource(service), stores.xaDataSource(service)));
            }
        }
        measurements.add(ForcedWritePrimitive.measure(calibration, store.runDir()));
        FileTrees.deleteIfExists(Transports.artemisDir(store));
        try (Transport broker = Transports.open(transport, store, Clock.systemUTC(), true, List.of())) {
            measurements.add(MessagePrimitive.measure(calibration, broker, transport.batching(), transport.kind().id()));
        }
        return measurements;
    }

    private static Map<StoreKind, ServiceName> firstServiceOfEachKind(StoreConfig store) {
        Map<StoreKind, ServiceName> kinds = new LinkedHashMap<>();
        for (ServiceName service : ServiceName.values()) {
            kinds.putIfAbsent(store.kind(service), service);
        }
        return kinds;
    }
}
