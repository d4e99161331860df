package dev.txlab.scenarios;

import dev.txlab.harness.placement.ImplementationId;

import java.util.Locale;
import java.util.Optional;

/**
 * A saga cell tests the runtime as it runs by default, which batches deliveries: so its run must have
 * had enough callers that batches formed. A passing saga cell whose consumers handled fewer than
 * {@value #MIN_MEAN} deliveries per local transaction on average (or that counted none) fails,
 * unless its scenario says why its batches may stay small ({@link Scenario#whyBatchesMayStaySmall}):
 * the cell then says so.
 *
 * <p>Why {@value #MIN_MEAN}: a run whose consumers keep up handles about one delivery per
 * transaction (2-8 callers: means 1.0-1.5 on 2 cores), while a cell's batches vary between runs
 * of the same cell by more than half a delivery (saga-choreo on PostgreSQL + NATS, 64 callers:
 * 1.9 to 2.8 over six runs of saga-delayed-deliveries, 2.3 to 2.6 over its crash cells), so a bar
 * at 2 failed cells whose batches had formed.
 */
final class BatchesFormed {
    static final double MIN_MEAN = 1.5;

    private BatchesFormed() {
    }

    /** The cell as judged: unchanged unless it is a passing saga cell whose batches did not form. */
    static FaultMatrix.Cell judge(FaultMatrix.Cell cell, Scenario scenario, ImplementationId implementation) {
        if (!cell.passed() || !Catalog.SAGAS.contains(implementation)) {
            return cell;
        }
        if (cell.batches() == null) {
            return failed(cell, "the scenario counted no consumer batches");
        }
        Optional<String> exempt = scenario.whyBatchesMayStaySmall();
        if (exempt.isPresent()) {
            return new FaultMatrix.Cell(cell.result(), cell.evidence() + "; batches not held to a mean of "
                    + String.format(Locale.ROOT, "%.1f", MIN_MEAN) + ": " + exempt.get(), cell.recoverySeconds(),
                    cell.batches());
        }
        if (cell.batches().mean() < MIN_MEAN) {
            return failed(cell, String.format(Locale.ROOT, "batches did not form: mean %.2f deliveries per consumer "
                    + "transaction, below %.1f (give the scenario more callers)", cell.batches().mean(), MIN_MEAN));
        }
        return cell;
    }

    private static FaultMatrix.Cell failed(FaultMatrix.Cell cell, String why) {
        return new FaultMatrix.Cell(FaultMatrix.Cell.FAIL, why + "; " + cell.evidence(), cell.recoverySeconds(),
                cell.batches());
    }
}
