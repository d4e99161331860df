package dev.txlab.cli;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.readmodel.ReadModelRebuild;
import dev.txlab.harness.run.PrefixLock;
import dev.txlab.harness.run.RunRecord;
import dev.txlab.harness.run.RunRecords;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code txlab project --rebuild}: rebuilds an event-sourced run's read models from zero. */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "The read models of an event-sourced run (order summary, per-customer view), found by its "
                + "placement flags. --rebuild projects every projected event from zero into shadow tables, catches "
                + "up with the live views under their lock, and replaces the live views only when every row "
                + "matches. Exit 0 when replaced, 1 naming the rows that differ (the live views are kept).")
final class ProjectCommand implements Callable<Integer> {
    /** Library output and stack traces of the rebuild, in the run's folder under the data directory. */
    static final String LOG_FILE = "project.log";

    @Option(names = "--rebuild", required = true, description = "rebuild the read models from zero (never in place)")
    boolean rebuild;

    @Mixin
    VerboseOption verbosity;

    @Mixin
    PlacementOptions placement;

    @Override
    public Integer call() throws Exception {
        StoreConfig store = placement.toConfig();
        try (PrefixLock lock = PrefixLock.acquire(store, "project");
             LogFile log = LogFile.open(store.runDir().resolve(LOG_FILE))) {
            return rebuild(store, log.terminal());
        }
    }

    private static int rebuild(StoreConfig store, PrintStream out) throws SQLException {
        RunRecord record = RunRecords.find(store);
        if (record.ordersModel() != OrdersModel.EVENT_SOURCED) {
            throw new IllegalArgumentException("the run with prefix '" + store.prefix() + "' keeps its orders as "
                    + "rows (orders model " + record.ordersModel().id() + "), so it has no read models; they are "
                    + "projected from the events of a run with --orders-model " + OrdersModel.EVENT_SOURCED.id());
        }
        ReadModelRebuild.Result result;
        try (Stores stores = Stores.open(store, record.topology(), JdbcDecorator.of())) {
            result = ReadModelRebuild.rebuild(stores.dataSource(ServiceName.ORDERS));
        }
        out.printf(Locale.ROOT, "txlab project --rebuild: %s run %s: %,d order summaries and %,d customers rebuilt "
                        + "from zero in %.2f s (%,d streams caught up under the lock, held %.3f s)%n",
                record.implementation(), record.runId(), result.orders(), result.customers(),
                result.took().toMillis() / 1000.0, result.caughtUp(), result.locked().toNanos() / 1e9);
        if (result.replaced()) {
            out.println("every row matched: the rebuilt views replaced the live ones");
            return TxlabCli.EXIT_OK;
        }
        out.println("rows differ: the live views are kept, the rebuild stays in the shadow tables "
                + "(order_summary_shadow, customer_orders_shadow)");
        result.differences().stream().map(Violation::toString).forEach(out::println);
        return TxlabCli.EXIT_VIOLATIONS;
    }
}
