package dev.txlab.scenarios;

import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.AccountsSetting;
import dev.txlab.scenarios.probe.ProbeMain;
import dev.txlab.scenarios.probe.ProbeRun;

import java.time.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs scenarios against implementations and fills the matrix: every applicable pair is run in a JVM
 * of its own ({@link CellMain}; a scenario that throws or hangs is a failing cell saying so), the
 * others are {@code n/a} (with the reason when the scenario cannot be modelled on the store). A saga
 * cell passes only when batches formed in its run ({@link BatchesFormed}).
 */
public final class ScenarioRunner {
    /** Told before each cell runs, e.g. to move a progress bar. */
    public interface Progress {
        Progress NONE = (scenario, implementation) -> {
        };

        void cell(String scenario, ImplementationId implementation);
    }

    /** The longest one cell may take: a crash, its recovery (TM timeouts are short here) and two audits. */
    static final Duration CELL_TIMEOUT = Duration.ofMinutes(4);

    private final ScenarioContext context;
    private final Progress progress;

    public ScenarioRunner(ScenarioContext context, Progress progress) {
        this.context = context;
        this.progress = progress;
    }

    /** How many cells {@link #run} will actually run (the applicable pairs). */
    public static int applicableCells(List<Scenario> scenarios, List<ImplementationId> implementations) {
        return (int) scenarios.stream().mapToLong(s -> implementations.stream().filter(s.appliesTo()::contains)
                .count()).sum();
    }

    /** The suite's matrix, then the isolation probe of each implementation (anomaly counts and examples). */
    public FaultMatrix runWithProbe(String suite, List<Scenario> scenarios, List<ImplementationId> implementations) {
        return withProbe(run(suite, scenarios, implementations), implementations);
    }

    /**
     * One scenario per implementation, as chosen: a row per scenario chosen, with a cell for each
     * implementation it was chosen for (the others have none).
     */
    public FaultMatrix runEach(String suite, Map<ImplementationId, Scenario> chosen) {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        Map<String, Map<String, FaultMatrix.Cell>> cells = new LinkedHashMap<>();
        chosen.forEach((implementation, scenario) -> {
            scenarios.putIfAbsent(scenario.id(), scenario);
            cells.computeIfAbsent(scenario.id(), id -> new LinkedHashMap<>())
                    .put(implementation.id(), cell(scenario, implementation));
        });
        List<FaultMatrix.Row> rows = scenarios.values().stream().map(scenario -> row(scenario,
                cells.get(scenario.id()))).toList();
        return new FaultMatrix(where(), suite, rows, Map.of(), Map.of());
    }

    /** The matrix with the isolation probe of each implementation added (anomaly counts and examples). */
    public FaultMatrix withProbe(FaultMatrix matrix, List<ImplementationId> implementations) {
        Map<String, Map<String, Long>> anomalies = new LinkedHashMap<>(matrix.anomalies());
        Map<String, String> examples = new LinkedHashMap<>(matrix.anomalyExamples());
        for (ImplementationId implementation : implementations) {
            progress.cell(ProbeRun.ID, implementation);
            ProbeMain.Result probe = probe(implementation);
            if (probe.error() != null) {
                examples.put(implementation.id(), "the probe could not run: " + probe.error());
                continue;
            }
            anomalies.put(implementation.id(), probe.counts());
            examples.put(implementation.id(), probe.examples());
        }
        return new FaultMatrix(matrix.store(), matrix.suite(), matrix.scenarios(), anomalies, examples);
    }

    private ProbeMain.Result probe(ImplementationId implementation) {
        try {
            ChildJvm.Result child = ChildJvm.run(ProbeMain.class, CELL_TIMEOUT, ProbeMain.request(implementation, context));
            return ProbeMain.parse(child.stdout()).orElseGet(() -> new ProbeMain.Result(0, Map.of(), "", "exit code "
                    + child.exitCode() + " without a result; last stderr line: "
                        + child.lastStderrLine().orElse("(none)")));
        } catch (IllegalStateException e) {
            return new ProbeMain.Result(0, Map.of(), "", e.getMessage().lines().findFirst().orElse(""));
        }
    }

    public FaultMatrix run(String suite, List<Scenario> scenarios, List<ImplementationId> implementations) {
        List<FaultMatrix.Row> rows = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            Map<String, FaultMatrix.Cell> cells = new LinkedHashMap<>();
            for (ImplementationId implementation : implementations) {
                cells.put(implementation.id(), cell(scenario, implementation));
            }
            rows.add(row(scenario, cells));
        }
        return new FaultMatrix(where(), suite, rows, Map.of(), Map.of());
    }

    /**
     * Where the scenarios run, as the matrix names it: the store, the sagas' broker, the orders model,
     * and the accounts model when not the default.
     */
    public String where() {
        return context.store().id() + ", sagas on " + context.transport().id() + ", orders model "
                + context.ordersModel().id() + (context.accounts().equals(AccountsSetting.STATE) ? ""
                : ", accounts " + context.accounts().describe());
    }

    private static FaultMatrix.Row row(Scenario scenario, Map<String, FaultMatrix.Cell> cells) {
        return new FaultMatrix.Row(scenario.id(), scenario.description() + " (must hold: " + scenario.mustHold() + ")",
                cells);
    }

    private FaultMatrix.Cell cell(Scenario scenario, ImplementationId implementation) {
        if (!scenario.appliesTo().contains(implementation)) {
            return FaultMatrix.Cell.notApplicable("");
        }
        Optional<String> unsupported = scenario.unsupportedOn(context, implementation);
        if (unsupported.isPresent()) {
            return FaultMatrix.Cell.notApplicable(unsupported.get());
        }
        progress.cell(scenario.id(), implementation);
        ChildJvm.Result child;
        try {
            child = ChildJvm.run(CellMain.class, CELL_TIMEOUT, CellMain.request(scenario, implementation, context));
        } catch (IllegalStateException e) {
            return FaultMatrix.Cell.fail("the scenario did not finish: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        return CellMain.parse(child.stdout()).map(cell -> BatchesFormed.judge(cell, scenario, implementation))
                .orElseGet(() -> FaultMatrix.Cell.fail("the scenario's JVM ended with exit code " + child.exitCode()
                        + " without a result; last stderr line: " + child.lastStderrLine().orElse("(none)")));
    }
}
