package dev.txlab.scenarios;

import dev.txlab.harness.placement.ImplementationId;

import java.util.Optional;
import java.util.Set;

/**
 * One entry of the fault catalog: what it does to a run, which implementations it applies to, and
 * how it judges the outcome. Running it on an implementation yields a cell of the matrix; a
 * scenario whose fault never fired is a {@code fail}, never a {@code pass}.
 */
public interface Scenario {

    String id();

    String description();

    /** The implementations the fault makes sense for (a 2PC crash point means nothing to a saga). */
    Set<ImplementationId> appliesTo();

    /** The invariants (I0-I6 of docs/design.md) it must hold, in words. */
    String mustHold();

    /**
     * Why the scenario cannot be modelled for an implementation where it would run (the kind of
     * database, the broker); the cell is then {@code n/a} with this reason. Empty when it can.
     */
    default Optional<String> unsupportedOn(ScenarioContext context, ImplementationId implementation) {
        return Optional.empty();
    }

    /**
     * Why a saga cell of this scenario may pass with consumer batches below
     * {@link BatchesFormed#MIN_MEAN} on average; empty (the rule holds) for every scenario but one
     * whose setting keeps batches small at any load.
     */
    default Optional<String> whyBatchesMayStaySmall() {
        return Optional.empty();
    }

    /** Runs the scenario on one implementation and judges it; a failure is a failing cell, not an exception. */
    FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception;
}
