package dev.txlab.cli;

import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.Servers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code txlab run} on PostgreSQL checks the decorator's count of ended transactions against the
 * server's own (pg_stat_database). What the server counts beyond the decorator is set-up (migrations,
 * new connections): it must not grow with the orders, or some path per order goes around the
 * decorator (as Atomikos' pool did, setting the isolation on every connection it lent).
 */
class ServerCountCheckIT {
    private static final Pattern CHECK = Pattern.compile("counts checked against the server: ([0-9,]+) transactions "
            + "ended by the decorator's count .*?: (the same|([0-9,]+) (more|fewer) on the server) over the run's whole "
            + "life");
    private static final int FEW = 60;
    private static final int MANY = 300;
    /** Transactions per order that the server may count beyond the decorator: none per order, and some slack. */
    private static final double TOLERANCE_PER_ORDER = 0.05;

    /** The pool that went around the decorator, and a saga (relays, consumers, inboxes): in the default run. */
    @ParameterizedTest
    @ValueSource(strings = {"xa-atomikos", "saga-choreo"})
    void whatTheServerCountsBeyondTheDecoratorDoesNotGrowWithTheOrders(String implementation) throws Exception {
        assertNothingPerOrderGoesAroundTheDecorator(implementation);
    }

    @Tag("extended")
    @ParameterizedTest
    @ValueSource(strings = {"local-baseline", "xa-narayana", "saga-orch"})
    void norForTheOtherImplementations(String implementation) throws Exception {
        assertNothingPerOrderGoesAroundTheDecorator(implementation);
    }

    private static void assertNothingPerOrderGoesAroundTheDecorator(String implementation) throws Exception {
        Servers.assumePreparedTransactions(StoreKind.POSTGRES);
        Servers.assumeReachable("NATS", "127.0.0.1", 4222);

        long few = serverOnly(implementation, FEW);
        long many = serverOnly(implementation, MANY);

        assertThat(Math.abs(many - few)).as("%s: %d transactions beyond the decorator's count after %d orders, %d after "
                + "%d", implementation, few, FEW, many, MANY).isLessThanOrEqualTo((long) (TOLERANCE_PER_ORDER * (MANY - FEW)));
    }

    /** The transactions PostgreSQL counted beyond the decorator in a run of {@code orders} (negative: fewer). */
    private static long serverOnly(String implementation, int orders) throws Exception {
        CliJar.Outcome run = CliJar.run("run", "--impl", implementation, "--store", "postgres", "--transport", "nats",
                "--orders", String.valueOf(orders), "--data-dir", CliJar.dataDir(), "--db-prefix", "t_server_count",
                "--no-progress");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).containsPattern("bytes written per order \\(mean over " + orders + " orders\\): "
                + "[1-9][0-9,]* \\(PostgreSQL WAL \\(pg_current_wal_insert_lsn advance, whole server\\) [1-9][0-9,]*\\)");
        Matcher check = CHECK.matcher(run.stdout());
        assertThat(check.find()).as(run.stdout()).isTrue();
        if (check.group(3) == null) {
            return 0;
        }
        long count = Long.parseLong(check.group(3).replace(",", ""));
        return check.group(4).equals("more") ? count : -count;
    }
}
