package dev.txlab.domain.run;

import dev.txlab.domain.audit.AuditReport;
import dev.txlab.domain.audit.ConsistencyAudit;
import dev.txlab.domain.audit.spi.LeftoverCheck;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.store.JdbcDecorator;
import dev.txlab.domain.store.StoreConfig;
import dev.txlab.domain.store.Stores;
import dev.txlab.domain.workload.Workload;

import java.sql.SQLException;
import java.time.Clock;

/** Audits an existing run found by its store configuration alone (what {@code txlab audit} does). */
public final class RunAudit {
    private RunAudit() {
    }

    /** The audited run: its record and the report. */
    public record Audited(RunRecord record, AuditReport report) {
    }

    public static Audited audit(StoreConfig config, Clock clock) throws SQLException {
        try (PrefixLock lock = PrefixLock.acquire(config, "audit")) {
            return audited(config, clock);
        }
    }

    private static Audited audited(StoreConfig config, Clock clock) throws SQLException {
        RunRecord record = RunRecords.read(config.location(ServiceName.ORDERS))
                .orElseThrow(() -> new IllegalArgumentException("no run found with prefix '" + config.prefix()
                        + "' in " + config.location(ServiceName.ORDERS).describe()
                        + "; pass the same --store, --db-prefix and --data-dir as the run"));
        try (Stores stores = Stores.open(config, record.topology(), JdbcDecorator.of())) {
            AuditReport report = new ConsistencyAudit(stores::dataSource,
                    Workload.of(record.workload()).initialState(), record.terminationBound(), clock)
                    .audit(Ledgers.acknowledged(config, record))
                    .plus(LeftoverCheck.all(stores, record));
            return new Audited(record, report);
        }
    }
}
