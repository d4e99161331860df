package dev.txlab.cli;

import dev.txlab.cli.compare.ComparisonSweep;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.report.ImplementationResult;
import dev.txlab.report.Results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The first passes a comparison runs with its other orders models ({@code --orders-model
 * state,event-sourced}), each right beside the same implementation's first pass with the first model,
 * before it for every second implementation: so that neither model always runs warmer or later.
 */
final class OtherOrdersModels {
    private final Map<OrdersModel, ComparisonSweep> sweeps = new LinkedHashMap<>();
    private final Map<OrdersModel, List<ImplementationResult>> measured = new LinkedHashMap<>();

    OtherOrdersModels(List<OrdersModel> models, Function<OrdersModel, ComparisonSweep> sweep) {
        for (OrdersModel model : models) {
            sweeps.put(model, sweep.apply(model));
            measured.put(model, new ArrayList<>());
        }
    }

    /** Whether the other models' passes go before this implementation's (every second one). */
    boolean goFirst(List<ImplementationId> ids, ImplementationId id) {
        return ids.indexOf(id) % 2 == 1;
    }

    /** Each other model's first pass of the implementation. */
    void measure(ImplementationId id, NetworkProfile network, CompareProgress progress, int phases)
            throws InterruptedException {
        for (Map.Entry<OrdersModel, ComparisonSweep> model : sweeps.entrySet()) {
            progress.passStarts(phases);
            measured.get(model.getKey()).add(model.getValue().measure(id, network));
            progress.passDone();
        }
    }

    /** The passes, per model, in the order of the implementations. */
    List<Results.OrdersModelRun> runs() {
        List<Results.OrdersModelRun> runs = new ArrayList<>();
        measured.forEach((model, results) -> runs.add(new Results.OrdersModelRun(model.id(), results)));
        return runs;
    }
}
