package dev.txlab.scenarios;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreKind;

import java.util.List;

/** The quick suite's cells for the two XA implementations on MariaDB (its XA recovery differs from PostgreSQL's). */
class XaQuickSuiteMariaDbTest extends QuickSuiteContract {
    @Override
    protected StoreKind store() {
        return StoreKind.MARIADB;
    }

    @Override
    protected TransportSettings.Kind transport() {
        return TransportSettings.Kind.ARTEMIS;
    }

    @Override
    protected List<ImplementationId> implementations() {
        return List.of(ImplementationId.XA_NARAYANA, ImplementationId.XA_ATOMIKOS);
    }
}
