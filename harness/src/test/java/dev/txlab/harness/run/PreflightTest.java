package dev.txlab.harness.run;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.placement.spi.PlacementProvider;
import dev.txlab.harness.placement.spi.ResourceNeeds;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Topology;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The preflight's arithmetic over a server's limits (read from real servers in XaPreflightTest). */
class PreflightTest {
    /** An XA-like provider: local pools of 6, the TM's callers + 3, one prepared branch per caller and database. */
    private static final PlacementProvider XA = provider(callers -> new ResourceNeeds(6, 6, callers + 3, 1));
    private static final PlacementProvider SAGA = provider(ResourceNeeds::localTransactions);

    @Test
    void xaOnPostgresNeedsABranchPerCallerAndDatabaseBesideThoseOtherRunsHold() {
        Preflight preflight = onPostgres(XA, limits(100, 5, 64, 8));

        assertThatCode(() -> preflight.check(12)).doesNotThrowAnyException(); // 12 x 4 + 4 + 8 = 60
        assertThatThrownBy(() -> preflight.check(14)).isInstanceOf(PreflightFailedException.class)
                .hasMessage("postgres at pg has max_prepared_transactions = 64, but xa-narayana with 14 callers can "
                        + "hold 68 XA branches prepared there at once (14 callers x 4 databases, 4 more left to a "
                        + "transaction manager's background phase 2, 8 held now by other runs); fix: ALTER SYSTEM SET "
                        + "max_prepared_transactions = 68, then restart the server; or lower --concurrency (at most 13 "
                        + "callers fit)");
    }

    @Test
    void withoutPreparedTransactionsNoNumberOfCallersFitsAndNoneIsSuggested() {
        Preflight preflight = onPostgres(XA, limits(100, 5, 0, 0));

        assertThatThrownBy(() -> preflight.check(1)).hasMessageContaining("max_prepared_transactions = 0")
                .hasMessageEndingWith("then restart the server");
        assertThat(preflight.callerLimit(4)).isEqualTo(new Preflight.CallerLimit(0,
                Optional.of("max_prepared_transactions (0) of postgres at pg")));
    }

    @Test
    void everyPoolOnEveryDatabaseCountsAgainstTheConnectionsLeftFree() {
        Preflight preflight = onPostgres(SAGA, limits(60, 20, 0, 0)); // 40 free: callers + 8 + 3 x 8

        assertThatCode(() -> preflight.check(8)).doesNotThrowAnyException();
        assertThatThrownBy(() -> preflight.check(9))
                .hasMessage("postgres at pg has max_connections = 60 with 20 in use, so 40 are free for this user, but "
                        + "saga-orch with 9 callers can open 41 (a pool of 17 on the orders database, a pool of 8 on "
                        + "each of 3 other databases); fix: raise max_connections and restart the server, or end some "
                        + "of the other clients; or lower --concurrency (at most 8 callers fit)");
    }

    @Test
    void theTransactionManagersConnectionsCountOnEveryDatabase() {
        Preflight preflight = onPostgres(XA, limits(100, 0, 1000, 0)); // 100 free: 4 x (6 + callers + 3)

        assertThatCode(() -> preflight.check(16)).doesNotThrowAnyException();
        assertThatThrownBy(() -> preflight.check(17)).hasMessageContaining("xa-narayana with 17 callers can open 104 "
                + "(a pool of 6 on the orders database, a pool of 6 on each of 3 other databases, 20 of the "
                + "transaction manager on each)");
    }

    @Test
    void aSweepIsCappedAtTheCallersTheServerAllowsAndSaysWhichSetting() {
        Preflight preflight = onPostgres(XA, limits(200, 5, 64, 0));

        assertThat(preflight.callerLimit(8)).isEqualTo(new Preflight.CallerLimit(8, Optional.empty()));
        assertThat(preflight.callerLimit(16)).isEqualTo(new Preflight.CallerLimit(15,
                Optional.of("max_prepared_transactions (64) of postgres at pg")));
    }

    @Test
    void aUserWithoutXaRightsIsStoppedWhateverTheCallers() {
        ServerLimits mariadb = new ServerLimits(StoreKind.MARIADB, "mariadb at m", 151, 0, 151, Integer.MAX_VALUE, 0,
                Integer.MAX_VALUE, Optional.of("'app'@'%' may not run XA RECOVER (Access denied)"));
        Preflight preflight = new Preflight(XA, Map.of(StoreKind.MARIADB, new Preflight.Server(mariadb, 4, true)));

        assertThatThrownBy(() -> preflight.check(1)).hasMessageStartingWith(
                "mariadb at m: the user 'app'@'%' may not run XA RECOVER (Access denied), which xa-narayana's "
                        + "transaction manager needs");
    }

    private static ServerLimits limits(int maxConnections, int inUse, int maxPrepared, int preparedByOthers) {
        return new ServerLimits(StoreKind.POSTGRES, "postgres at pg", maxConnections, inUse, maxConnections - inUse,
                maxPrepared, preparedByOthers, maxPrepared - preparedByOthers, Optional.empty());
    }

    private static Preflight onPostgres(PlacementProvider provider, ServerLimits limits) {
        return new Preflight(provider, Map.of(StoreKind.POSTGRES, new Preflight.Server(limits, 4, true)));
    }

    private static PlacementProvider provider(java.util.function.IntFunction<ResourceNeeds> needs) {
        boolean xa = needs.apply(1).preparesXaBranches();
        return new PlacementProvider() {
            @Override
            public ImplementationId id() {
                return xa ? ImplementationId.XA_NARAYANA : ImplementationId.SAGA_ORCH;
            }

            @Override
            public Topology topology() {
                return Topology.DATABASE_PER_SERVICE;
            }

            @Override
            public OrderPlacement create(PlacementContext context) {
                throw new UnsupportedOperationException("the preflight never creates a placement");
            }

            @Override
            public ResourceNeeds needs(int callers) {
                return needs.apply(callers);
            }
        };
    }
}
