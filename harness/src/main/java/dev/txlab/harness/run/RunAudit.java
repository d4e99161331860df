package dev.txlab.harness.run;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.audit.ConsistencyAudit;
import dev.txlab.harness.audit.spi.LeftoverCheck;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.workload.Workload;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** Audits an existing run found by its store configuration alone (what {@code txlab audit} does). */
public final class RunAudit {
    private RunAudit() {
    }

    /** The audited run: its record, the report, and what the reader should know about its ledger. */
    public record Audited(RunRecord record, AuditReport report, List<String> ledgerNotes) {
    }

    public static Audited audit(StoreConfig config, Clock clock) throws SQLException {
        try (PrefixLock lock = PrefixLock.acquire(config, "audit")) {
            return audited(config, clock);
        }
    }

    private static Audited audited(StoreConfig config, Clock clock) throws SQLException {
        RunRecord record = RunRecords.find(config);
        Ledgers.LedgerCheck ledger = Ledgers.acknowledged(config, record, record.ledgerSeal());
        try (Stores stores = Stores.open(config, record.topology(), JdbcDecorator.of())) {
            AuditReport report = new ConsistencyAudit(stores::dataSource,
                    Workload.of(record.workload()).initialState(), record.terminationBound(), clock)
                    .audit(ledger.ids()).plus(ledger.problems())
                    .plus(LeftoverCheck.all(stores, record));
            return new Audited(record, report, ledger.notes());
        }
    }
}
